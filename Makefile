# The README's two commands: `make run` (set up, open the demo event) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench system-deps installer installer-test translations

# desktop/__init__.py holds the version the package metadata (and the installer) carry.
$(VENV)/.installed: pyproject.toml desktop/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,lint,build,postgres,bench]'
	# Bytecode now, so a start with PYTHONDONTWRITEBYTECODE or a read-only tree does not
	# compile every module again (the installer's bundle holds compiled modules already).
	$(PY) -m compileall -q desktop db
	touch $@

system-deps:
	@./scripts/install-system-deps.sh

run: system-deps $(VENV)/.installed
	$(VENV)/bin/workshop-desk --demo

# pytest exits 5 when it collects no tests; that is not a failure of the product. One worker
# per core (pytest-xdist); PostgreSQL tests get a database per worker (tests/conftest.py).
# Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set: without it every worker
# compiles (and rewrites the asserts of) every test module again, ~6 s each.
# PYTHONWARNDEFAULTENCODING: an open()/read_text()/text subprocess without an encoding warns
# (it would read or write cp950 on a zh-TW Windows laptop); pyproject.toml's filterwarnings
# make that an error in desktop/ and db/.
test: system-deps $(VENV)/.installed
	env -u PYTHONDONTWRITEBYTECODE PYTHONWARNDEFAULTENCODING=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --dist worksteal; code=$$?; if [ $$code -eq 5 ]; then exit 0; else exit $$code; fi

# Style and types: ruff's rules and formatting everywhere, mypy as configured in pyproject.toml
# (strict over every package of desktop/ and db/).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(VENV)/.installed
	$(PY) -m bench

installer: system-deps $(VENV)/.installed
	$(VENV)/bin/pyinstaller --noconfirm --clean build_installer.spec

# Translations: lupdate collects every tr("…")/translate(ctx, "…") of desktop/ into the English
# catalogue (keeping existing translations), lrelease compiles it to .qm (not committed).
# After adding strings: run this, translate the new entries (Qt Linguist:
# .venv/bin/pyside6-linguist resources/translations/workshop_desk_en.ts), run it again.
translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations none \
		-source-language zh_TW -target-language en desktop \
		-ts resources/translations/workshop_desk_en.ts
	$(PY) -c "from desktop.i18n import compile_all; print(*compile_all(), sep='\n')"

# The installer build plus its checks: PyInstaller's warn file, the modules loaded by name in the
# frozen archive, the frozen app's self-test (offscreen, fresh data folder) and its `serve`.
# CI runs the same test inside `make test` (CI=true).
installer-test: system-deps $(VENV)/.installed
	WORKSHOP_DESK_BUILD_TEST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/packaging/test_frozen.py
