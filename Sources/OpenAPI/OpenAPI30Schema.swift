import Document

/// crrspec's own structural schema for OpenAPI 3.0.x documents, written from the OpenAPI 3.0.3
/// specification text as a draft-07 JSON Schema for crrspec's engine.
///
/// It checks structure only: the fixed fields of every object, their types, the required fields,
/// the key shapes of `paths`, `responses` and `components`, `^x-` extensions where the
/// specification allows them, and the OpenAPI 3.0 subset of JSON Schema in Schema Objects
/// (`type` is a single name, never an array and never `"null"`; `items` is required for arrays;
/// `exclusiveMinimum`/`exclusiveMaximum` are booleans). It does not resolve `$ref`s or check
/// that path templates and path parameters agree.
///
/// Conventions:
/// - An object the specification closes has `additionalProperties: false`; the ones that MAY be
///   extended add `patternProperties: {"^x-": {}}`.
/// - Wherever OpenAPI allows a Reference Object, `XOrReference` applies: an object with a `$ref`
///   is a Reference (its other members are ignored, as the specification says), anything else
///   must be an `X`. Errors therefore point into `X` rather than at an `anyOf` summary.
///
/// ```swift
/// let schema = try Schema.compile(JSONReader.parse(string: OpenAPI30Schema.text, name: "openapi-3.0.schema.json").root,
///                                 registry: SchemaRegistry())
/// let result = try schema.validate(YAMLReader.parse(contentsOfFile: "spec.yaml").root)
/// ```
public enum OpenAPI30Schema {
    public static let text = #"""
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "crrspec structural schema for OpenAPI 3.0.x documents",
  "type": "object",
  "required": ["openapi", "info", "paths"],
  "properties": {
    "openapi": {"type": "string", "pattern": "^3\\.0\\.\\d+$"},
    "info": {"$ref": "#/definitions/Info"},
    "servers": {"type": "array", "items": {"$ref": "#/definitions/Server"}},
    "paths": {"$ref": "#/definitions/Paths"},
    "components": {"$ref": "#/definitions/Components"},
    "security": {"type": "array", "items": {"$ref": "#/definitions/SecurityRequirement"}},
    "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
    "externalDocs": {"$ref": "#/definitions/ExternalDocumentation"}
  },
  "patternProperties": {"^x-": {}},
  "additionalProperties": false,

  "definitions": {
    "Info": {
      "type": "object",
      "required": ["title", "version"],
      "properties": {
        "title": {"type": "string"},
        "description": {"type": "string"},
        "termsOfService": {"type": "string", "format": "uri-reference"},
        "contact": {"$ref": "#/definitions/Contact"},
        "license": {"$ref": "#/definitions/License"},
        "version": {"type": "string"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "Contact": {
      "type": "object",
      "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri-reference"},
        "email": {"type": "string", "format": "email"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "License": {
      "type": "object",
      "required": ["name"],
      "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri-reference"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "Server": {
      "type": "object",
      "required": ["url"],
      "properties": {
        "url": {"type": "string"},
        "description": {"type": "string"},
        "variables": {"type": "object", "additionalProperties": {"$ref": "#/definitions/ServerVariable"}}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "ServerVariable": {
      "type": "object",
      "required": ["default"],
      "properties": {
        "enum": {"type": "array", "items": {"type": "string"}},
        "default": {"type": "string"},
        "description": {"type": "string"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "ExternalDocumentation": {
      "type": "object",
      "required": ["url"],
      "properties": {
        "description": {"type": "string"},
        "url": {"type": "string", "format": "uri-reference"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "Tag": {
      "type": "object",
      "required": ["name"],
      "properties": {
        "name": {"type": "string"},
        "description": {"type": "string"},
        "externalDocs": {"$ref": "#/definitions/ExternalDocumentation"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "Reference": {
      "type": "object",
      "required": ["$ref"],
      "properties": {"$ref": {"type": "string"}}
    },

    "Paths": {
      "type": "object",
      "patternProperties": {
        "^/": {"$ref": "#/definitions/PathItem"},
        "^x-": {}
      },
      "additionalProperties": false
    },
    "PathItem": {
      "type": "object",
      "properties": {
        "$ref": {"type": "string"},
        "summary": {"type": "string"},
        "description": {"type": "string"},
        "get": {"$ref": "#/definitions/Operation"},
        "put": {"$ref": "#/definitions/Operation"},
        "post": {"$ref": "#/definitions/Operation"},
        "delete": {"$ref": "#/definitions/Operation"},
        "options": {"$ref": "#/definitions/Operation"},
        "head": {"$ref": "#/definitions/Operation"},
        "patch": {"$ref": "#/definitions/Operation"},
        "trace": {"$ref": "#/definitions/Operation"},
        "servers": {"type": "array", "items": {"$ref": "#/definitions/Server"}},
        "parameters": {"$ref": "#/definitions/ParameterList"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "Operation": {
      "type": "object",
      "required": ["responses"],
      "properties": {
        "tags": {"type": "array", "items": {"type": "string"}},
        "summary": {"type": "string"},
        "description": {"type": "string"},
        "externalDocs": {"$ref": "#/definitions/ExternalDocumentation"},
        "operationId": {"type": "string"},
        "parameters": {"$ref": "#/definitions/ParameterList"},
        "requestBody": {"$ref": "#/definitions/RequestBodyOrReference"},
        "responses": {"$ref": "#/definitions/Responses"},
        "callbacks": {"type": "object", "additionalProperties": {"$ref": "#/definitions/CallbackOrReference"}},
        "deprecated": {"type": "boolean"},
        "security": {"type": "array", "items": {"$ref": "#/definitions/SecurityRequirement"}},
        "servers": {"type": "array", "items": {"$ref": "#/definitions/Server"}}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "ParameterList": {"type": "array", "items": {"$ref": "#/definitions/ParameterOrReference"}},
    "Parameter": {
      "type": "object",
      "required": ["name", "in"],
      "properties": {
        "name": {"type": "string"},
        "in": {"enum": ["query", "header", "path", "cookie"]},
        "description": {"type": "string"},
        "required": {"type": "boolean"},
        "deprecated": {"type": "boolean"},
        "allowEmptyValue": {"type": "boolean"},
        "style": {"enum": ["matrix", "label", "form", "simple", "spaceDelimited", "pipeDelimited", "deepObject"]},
        "explode": {"type": "boolean"},
        "allowReserved": {"type": "boolean"},
        "schema": {"$ref": "#/definitions/SchemaOrReference"},
        "example": {},
        "examples": {"$ref": "#/definitions/ExampleMap"},
        "content": {"$ref": "#/definitions/SingleContentMap"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "allOf": [
        {"$ref": "#/definitions/SchemaXorContent"},
        {"$ref": "#/definitions/ExampleXorExamples"},
        {
          "$comment": "Path parameters are always required.",
          "if": {"required": ["in"], "properties": {"in": {"const": "path"}}},
          "then": {"required": ["required"], "properties": {"required": {"const": true}}}
        },
        {
          "$comment": "The styles each location supports (the Style Values table).",
          "if": {"required": ["in"], "properties": {"in": {"const": "path"}}},
          "then": {"properties": {"style": {"enum": ["matrix", "label", "simple"]}}}
        },
        {
          "if": {"required": ["in"], "properties": {"in": {"const": "query"}}},
          "then": {"properties": {"style": {"enum": ["form", "spaceDelimited", "pipeDelimited", "deepObject"]}}}
        },
        {
          "if": {"required": ["in"], "properties": {"in": {"const": "header"}}},
          "then": {"properties": {"style": {"enum": ["simple"]}}}
        },
        {
          "if": {"required": ["in"], "properties": {"in": {"const": "cookie"}}},
          "then": {"properties": {"style": {"enum": ["form"]}}}
        }
      ]
    },
    "Header": {
      "$comment": "A Parameter without name and in (they MUST NOT be given); style is simple.",
      "type": "object",
      "properties": {
        "description": {"type": "string"},
        "required": {"type": "boolean"},
        "deprecated": {"type": "boolean"},
        "allowEmptyValue": {"type": "boolean"},
        "style": {"enum": ["simple"]},
        "explode": {"type": "boolean"},
        "allowReserved": {"type": "boolean"},
        "schema": {"$ref": "#/definitions/SchemaOrReference"},
        "example": {},
        "examples": {"$ref": "#/definitions/ExampleMap"},
        "content": {"$ref": "#/definitions/SingleContentMap"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "allOf": [
        {"$ref": "#/definitions/SchemaXorContent"},
        {"$ref": "#/definitions/ExampleXorExamples"}
      ]
    },
    "SchemaXorContent": {
      "$comment": "A parameter or header has either a schema or a content map, not both.",
      "oneOf": [{"required": ["schema"]}, {"required": ["content"]}]
    },
    "ExampleXorExamples": {
      "$comment": "example and examples are mutually exclusive.",
      "not": {"required": ["example", "examples"]}
    },
    "RequestBody": {
      "type": "object",
      "required": ["content"],
      "properties": {
        "description": {"type": "string"},
        "content": {"$ref": "#/definitions/ContentMap"},
        "required": {"type": "boolean"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "ContentMap": {"type": "object", "additionalProperties": {"$ref": "#/definitions/MediaType"}},
    "SingleContentMap": {
      "type": "object",
      "minProperties": 1,
      "maxProperties": 1,
      "additionalProperties": {"$ref": "#/definitions/MediaType"}
    },
    "MediaType": {
      "type": "object",
      "properties": {
        "schema": {"$ref": "#/definitions/SchemaOrReference"},
        "example": {},
        "examples": {"$ref": "#/definitions/ExampleMap"},
        "encoding": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Encoding"}}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "allOf": [{"$ref": "#/definitions/ExampleXorExamples"}]
    },
    "Encoding": {
      "type": "object",
      "properties": {
        "contentType": {"type": "string"},
        "headers": {"$ref": "#/definitions/HeaderMap"},
        "style": {"enum": ["form", "spaceDelimited", "pipeDelimited", "deepObject"]},
        "explode": {"type": "boolean"},
        "allowReserved": {"type": "boolean"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "Responses": {
      "type": "object",
      "minProperties": 1,
      "properties": {"default": {"$ref": "#/definitions/ResponseOrReference"}},
      "patternProperties": {
        "^[1-5](\\d\\d|XX)$": {"$ref": "#/definitions/ResponseOrReference"},
        "^x-": {}
      },
      "additionalProperties": false
    },
    "Response": {
      "type": "object",
      "required": ["description"],
      "properties": {
        "description": {"type": "string"},
        "headers": {"$ref": "#/definitions/HeaderMap"},
        "content": {"$ref": "#/definitions/ContentMap"},
        "links": {"type": "object", "additionalProperties": {"$ref": "#/definitions/LinkOrReference"}}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "HeaderMap": {"type": "object", "additionalProperties": {"$ref": "#/definitions/HeaderOrReference"}},
    "ExampleMap": {"type": "object", "additionalProperties": {"$ref": "#/definitions/ExampleOrReference"}},
    "Example": {
      "type": "object",
      "properties": {
        "summary": {"type": "string"},
        "description": {"type": "string"},
        "value": {},
        "externalValue": {"type": "string", "format": "uri-reference"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "not": {"required": ["value", "externalValue"]}
    },
    "Link": {
      "type": "object",
      "properties": {
        "operationRef": {"type": "string"},
        "operationId": {"type": "string"},
        "parameters": {"type": "object"},
        "requestBody": {},
        "description": {"type": "string"},
        "server": {"$ref": "#/definitions/Server"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "not": {"required": ["operationRef", "operationId"]}
    },
    "Callback": {
      "$comment": "Keys are runtime expressions, each naming a Path Item.",
      "type": "object",
      "patternProperties": {"^x-": {}},
      "additionalProperties": {"$ref": "#/definitions/PathItem"}
    },

    "Components": {
      "type": "object",
      "properties": {
        "schemas": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/SchemaOrReference"}}, "additionalProperties": false},
        "responses": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/ResponseOrReference"}}, "additionalProperties": false},
        "parameters": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/ParameterOrReference"}}, "additionalProperties": false},
        "examples": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/ExampleOrReference"}}, "additionalProperties": false},
        "requestBodies": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/RequestBodyOrReference"}}, "additionalProperties": false},
        "headers": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/HeaderOrReference"}}, "additionalProperties": false},
        "securitySchemes": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/SecuritySchemeOrReference"}}, "additionalProperties": false},
        "links": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/LinkOrReference"}}, "additionalProperties": false},
        "callbacks": {"type": "object", "patternProperties": {"^[a-zA-Z0-9\\.\\-_]+$": {"$ref": "#/definitions/CallbackOrReference"}}, "additionalProperties": false}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },

    "SecurityScheme": {
      "type": "object",
      "required": ["type"],
      "properties": {
        "type": {"enum": ["apiKey", "http", "oauth2", "openIdConnect"]},
        "description": {"type": "string"},
        "name": {"type": "string"},
        "in": {"enum": ["query", "header", "cookie"]},
        "scheme": {"type": "string"},
        "bearerFormat": {"type": "string"},
        "flows": {"$ref": "#/definitions/OAuthFlows"},
        "openIdConnectUrl": {"type": "string", "format": "uri-reference"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "allOf": [
        {"if": {"required": ["type"], "properties": {"type": {"const": "apiKey"}}}, "then": {"required": ["name", "in"]}},
        {"if": {"required": ["type"], "properties": {"type": {"const": "http"}}}, "then": {"required": ["scheme"]}},
        {"if": {"required": ["type"], "properties": {"type": {"const": "oauth2"}}}, "then": {"required": ["flows"]}},
        {"if": {"required": ["type"], "properties": {"type": {"const": "openIdConnect"}}}, "then": {"required": ["openIdConnectUrl"]}}
      ]
    },
    "OAuthFlows": {
      "type": "object",
      "properties": {
        "implicit": {"allOf": [{"$ref": "#/definitions/OAuthFlow"}, {"required": ["authorizationUrl"]}]},
        "password": {"allOf": [{"$ref": "#/definitions/OAuthFlow"}, {"required": ["tokenUrl"]}]},
        "clientCredentials": {"allOf": [{"$ref": "#/definitions/OAuthFlow"}, {"required": ["tokenUrl"]}]},
        "authorizationCode": {"allOf": [{"$ref": "#/definitions/OAuthFlow"}, {"required": ["authorizationUrl", "tokenUrl"]}]}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "OAuthFlow": {
      "type": "object",
      "required": ["scopes"],
      "properties": {
        "authorizationUrl": {"type": "string", "format": "uri-reference"},
        "tokenUrl": {"type": "string", "format": "uri-reference"},
        "refreshUrl": {"type": "string", "format": "uri-reference"},
        "scopes": {"type": "object", "additionalProperties": {"type": "string"}}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },
    "SecurityRequirement": {
      "type": "object",
      "additionalProperties": {"type": "array", "items": {"type": "string"}}
    },

    "Schema": {
      "$comment": "The OpenAPI 3.0 Schema Object: a subset of JSON Schema Wright draft 00 plus OpenAPI's own fields.",
      "type": "object",
      "properties": {
        "title": {"type": "string"},
        "multipleOf": {"type": "number", "exclusiveMinimum": 0},
        "maximum": {"type": "number"},
        "exclusiveMaximum": {"type": "boolean"},
        "minimum": {"type": "number"},
        "exclusiveMinimum": {"type": "boolean"},
        "maxLength": {"$ref": "#/definitions/Count"},
        "minLength": {"$ref": "#/definitions/Count"},
        "pattern": {"type": "string", "format": "regex"},
        "maxItems": {"$ref": "#/definitions/Count"},
        "minItems": {"$ref": "#/definitions/Count"},
        "uniqueItems": {"type": "boolean"},
        "maxProperties": {"$ref": "#/definitions/Count"},
        "minProperties": {"$ref": "#/definitions/Count"},
        "required": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true},
        "enum": {"type": "array"},
        "type": {"type": "string", "enum": ["array", "boolean", "integer", "number", "object", "string"]},
        "allOf": {"$ref": "#/definitions/SchemaList"},
        "oneOf": {"$ref": "#/definitions/SchemaList"},
        "anyOf": {"$ref": "#/definitions/SchemaList"},
        "not": {"$ref": "#/definitions/SchemaOrReference"},
        "items": {"$ref": "#/definitions/SchemaOrReference"},
        "properties": {"type": "object", "additionalProperties": {"$ref": "#/definitions/SchemaOrReference"}},
        "additionalProperties": {"if": {"type": "boolean"}, "else": {"$ref": "#/definitions/SchemaOrReference"}},
        "description": {"type": "string"},
        "format": {"type": "string"},
        "default": {},
        "nullable": {"type": "boolean"},
        "discriminator": {"$ref": "#/definitions/Discriminator"},
        "readOnly": {"type": "boolean"},
        "writeOnly": {"type": "boolean"},
        "xml": {"$ref": "#/definitions/XML"},
        "externalDocs": {"$ref": "#/definitions/ExternalDocumentation"},
        "example": {},
        "deprecated": {"type": "boolean"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false,
      "allOf": [
        {
          "$comment": "items MUST be present if the type is array.",
          "if": {"required": ["type"], "properties": {"type": {"const": "array"}}},
          "then": {"required": ["items"]}
        },
        {
          "$comment": "A property MUST NOT be both readOnly and writeOnly.",
          "not": {"required": ["readOnly", "writeOnly"], "properties": {"readOnly": {"const": true}, "writeOnly": {"const": true}}}
        }
      ]
    },
    "SchemaList": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/SchemaOrReference"}},
    "Count": {"type": "integer", "minimum": 0},
    "Discriminator": {
      "type": "object",
      "required": ["propertyName"],
      "properties": {
        "propertyName": {"type": "string"},
        "mapping": {"type": "object", "additionalProperties": {"type": "string"}}
      },
      "additionalProperties": false
    },
    "XML": {
      "type": "object",
      "properties": {
        "name": {"type": "string"},
        "namespace": {"type": "string", "format": "uri"},
        "prefix": {"type": "string"},
        "attribute": {"type": "boolean"},
        "wrapped": {"type": "boolean"}
      },
      "patternProperties": {"^x-": {}},
      "additionalProperties": false
    },

    "SchemaOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Schema"}},
    "ResponseOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Response"}},
    "ParameterOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Parameter"}},
    "ExampleOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Example"}},
    "RequestBodyOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/RequestBody"}},
    "HeaderOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Header"}},
    "SecuritySchemeOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/SecurityScheme"}},
    "LinkOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Link"}},
    "CallbackOrReference": {"if": {"required": ["$ref"]}, "then": {"$ref": "#/definitions/Reference"}, "else": {"$ref": "#/definitions/Callback"}}
  }
}
"""#

    /// The keyword table of an OpenAPI 3.0 Schema Object: the fields of `Schema` in the schema
    /// above (JSON Schema's subset and OpenAPI's additions: `nullable`, `discriminator`,
    /// `example` ...) and `$ref`. Lint's unknown-keyword rule reads it.
    public static let schemaKeywords: Set<String> = {
        let document = try! JSONReader.parse(string: text, name: "openapi-3.0.schema.json")
        return Set(document.root["definitions"]!["Schema"]!["properties"]!.members.map(\.name)).union(["$ref"])
    }()
}
