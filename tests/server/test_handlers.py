"""The venue server's handlers are module-level functions over the app's ``Venue``: each can be
imported and called alone, and no feature module builds its handlers inside a factory."""

from __future__ import annotations

import asyncio
import importlib
import json

from starlette.requests import Request
from starlette.routing import Route

from db.uow import Database
from desktop.server import vote
from desktop.server.app import FEATURES, create_app
from desktop.services.events import find_session


def test_every_route_of_every_feature_is_a_module_level_function(demo_db: Database) -> None:
    app = create_app(demo_db, find_session(demo_db, "臺北"))
    endpoints = [r.endpoint for r in app.routes if isinstance(r, Route)]
    assert len(endpoints) >= 20
    for endpoint in endpoints:
        module = importlib.import_module(endpoint.__module__)
        assert endpoint.__qualname__ == endpoint.__name__, endpoint.__qualname__  # not nested
        assert getattr(module, endpoint.__name__) is endpoint, endpoint
    assert {e.__module__ for e in endpoints} >= set(FEATURES)


def test_a_handler_answers_for_the_venue_of_its_request(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    app = create_app(demo_db, session)
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": [], "app": app})
    answer = asyncio.run(vote.api_turnout(request))
    assert answer.status_code == 200
    assert json.loads(bytes(answer.body)) == {"status": "none", "ballots": 0, "checked_in": 0}
