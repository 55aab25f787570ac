"""The API reference, generated from the registry and the code table: an HTML page in
the UI language and an OpenAPI document of the path + header style. Nothing here is
written by hand per method, so the reference cannot drift from what is served."""

from __future__ import annotations

import json
import shlex
from typing import Any
from urllib.parse import urlencode

from sellergate.qapi.codes import TABLE
from sellergate.qapi.params import Param
from sellergate.qapi.registry import METHODS, Method

ENDPOINT = "/GMKT.INC.Front.QAPIService/ebayjapan.qapi"
EXAMPLE_VALUES = {
    "string": "…",
    "int": "1",
    "decimal": "0.5",
    "date": "20261201",
    "datetime": "20261201000000",
    "yn": "N",
}


def example_value(param: Param) -> str:
    return param.choices[0] if param.choices else EXAMPLE_VALUES.get(param.type, "…")


def _example_params(entry: Method) -> dict[str, str]:
    return {p.name: example_value(p) for p in entry.params if p.required}


def examples(entry: Method, base_url: str) -> dict[str, str]:
    key = "YOUR_API_KEY" if entry.key == "api_key" else "YOUR_SELLER_AUTH_KEY"
    version = entry.versions[-1]
    params = _example_params(entry)
    query = urlencode(
        {"method": entry.name, "key": key, "v": version, "returnType": "json", **params}
    )
    curl_query = f"curl {shlex.quote(f'{base_url}{ENDPOINT}?{query}')}"
    form = " ".join(f"--data-urlencode {shlex.quote(f'{k}={v}')}" for k, v in params.items())
    curl_path = (
        f"curl -X POST {shlex.quote(f'{base_url}{ENDPOINT}/{entry.name}')} "
        f"-H {shlex.quote(f'GiosisCertificationKey: {key}')} -H 'QAPIVersion: {version}' "
        f"--data-urlencode 'returnType=application/json' {form}"
    ).strip()
    python = "\n".join(
        [
            "import json, urllib.parse, urllib.request",
            "",
            f"data = urllib.parse.urlencode({json.dumps({'returnType': 'application/json', **params}, ensure_ascii=False)}).encode()",  # noqa: E501
            "request = urllib.request.Request(",
            f"    {json.dumps(base_url + ENDPOINT + '/' + entry.name)},",
            "    data=data,",
            f"    headers={{'GiosisCertificationKey': {json.dumps(key)}, 'QAPIVersion': {json.dumps(version)}}},",  # noqa: E501
            ")",
            "answer = json.load(urllib.request.urlopen(request))",
            "assert answer['ResultCode'] == 0, answer",
            "print(answer['ResultObject'])",
        ]
    )
    return {"curl_query": curl_query, "curl_path": curl_path, "python": python}


def methods_for_docs(base_url: str) -> list[dict[str, Any]]:
    return [
        {"entry": entry, "examples": examples(entry, base_url)}
        for entry in sorted(METHODS.values(), key=lambda e: e.name)
    ]


OPENAPI_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "int": {"type": "integer"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "pattern": r"^\d{4}-?\d{2}-?\d{2}$"},
    "datetime": {"type": "string", "pattern": r"^\d{8}(\d{6})?$"},
    "yn": {"type": "string", "enum": ["Y", "N"]},
}


def _schema(param: Param) -> dict[str, Any]:
    schema: dict[str, Any] = dict(OPENAPI_TYPES.get(param.type, {"type": "string"}))
    if param.choices:
        schema = {"type": "string", "enum": list(param.choices)}
    if param.max_length:
        schema["maxLength"] = param.max_length
    if param.minimum is not None:
        schema["minimum"] = param.minimum
    if param.maximum is not None:
        schema["maximum"] = param.maximum
    if param.help:
        schema["description"] = str(param.help)
    return schema


def openapi(base_url: str) -> dict[str, Any]:
    envelope = {
        "type": "object",
        "properties": {
            "ResultCode": {"type": "integer"},
            "ResultMsg": {"type": "string"},
            "ResultObject": {},
            "ErrorCode": {"type": "integer"},
            "ErrorMsg": {"type": "string"},
        },
    }
    paths: dict[str, Any] = {}
    for entry in sorted(METHODS.values(), key=lambda e: e.name):
        properties = {p.name: _schema(p) for p in entry.params}
        properties["returnType"] = {"type": "string", "enum": ["application/json", "text/xml"]}
        paths[f"{ENDPOINT}/{entry.name}"] = {
            "post": {
                "operationId": entry.name.replace(".", "_"),
                "summary": str(entry.summary),
                "description": str(entry.notes),
                "tags": [entry.service],
                "parameters": [
                    {
                        "name": "GiosisCertificationKey",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "string"},
                        "description": "API key" if entry.key == "api_key" else "SAK",
                    },
                    {
                        "name": "QAPIVersion",
                        "in": "header",
                        "schema": {"type": "string", "enum": sorted({"1.0", *entry.versions})},
                    },
                ],
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": properties,
                                "required": [p.name for p in entry.params if p.required],
                            }
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "Always 200; see ResultCode / ErrorCode.",
                        "content": {"application/json": {"schema": envelope}},
                    }
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "sellergate marketplace API",
            "version": "1.0",
            "description": "Codes: "
            + "; ".join(f"{c.envelope} {c.code} {c.name}: {c.meaning}" for c in TABLE),
        },
        "servers": [{"url": base_url}],
        "paths": paths,
    }
