"""store/queries.py: pre-serialised event JSON and the WHERE builder."""

from __future__ import annotations

import json

from frontlines.store import EventQuery, open_store
from frontlines.store import queries as Q
from frontlines.web.synthetic import make_result


def test_spliced_json_is_the_record_plus_article_fields(tmp_path):
    store = open_store(str(tmp_path / "q.db"))
    result = make_result(1, events=2)
    store.save(result)
    # a record whose last field is an object: only the final brace may be cut
    store.conn.execute("UPDATE events SET record = ? WHERE id = ?",
                       ('{"id": "x", "evidence": {"event_type": "rule}"}}', result.events[0].id))
    store.conn.commit()
    rows = [json.loads(s) for s in Q.events_json(store, EventQuery(limit=10, sort="id"))]
    by_id = {r["article_id"] + r["id"]: r for r in rows}
    odd = by_id[result.article.id + "x"]
    assert odd["evidence"] == {"event_type": "rule}"}
    assert odd["article"]["title"] == result.article.title
    assert len(rows) == 2


def test_where_clause_is_parameterised():
    where, args = Q.where_clause(EventQuery(actor="x' OR 1=1 --", bbox=(1, 2, 3, 4), date_from="2017-01-01"), "%s")
    assert "x'" not in where and "%s" in where
    assert args[:2] == ["%x' or 1=1 --%"] * 2 and args[-1] == "2017-01-01"
