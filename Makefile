# The README's two commands: `make run` (set up, open the demo event) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test bench system-deps installer

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,build,postgres]'
	touch $@

system-deps:
	@./scripts/install-system-deps.sh

run: system-deps $(VENV)/.installed
	$(VENV)/bin/workshop-desk --demo

# pytest exits 5 when it collects no tests; that is not a failure of the product.
test: system-deps $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest; code=$$?; if [ $$code -eq 5 ]; then exit 0; else exit $$code; fi

bench: $(VENV)/.installed
	$(PY) -m bench

installer: system-deps $(VENV)/.installed
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec

# The installer build plus its smoke test (the frozen app's self-test, offscreen, fresh data
# folder). CI runs the same test inside `make test` (CI=true).
installer-test: system-deps $(VENV)/.installed
	WORKSHOP_DESK_BUILD_TEST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/packaging/test_frozen.py
