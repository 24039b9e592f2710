package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeclarations(t *testing.T) {
	tests := []struct {
		name, schema, want string
	}{
		{"scalars, optional and required",
			`{"type":"object","additionalProperties":false,"required":["a"],"properties":{"a":{"type":"string"},"b":{"type":"integer","minimum":0},"c":{"type":"boolean"},"d":{"type":"number"}}}`,
			"export interface T {\n  a: string;\n  b?: number;\n  c?: boolean;\n  d?: number;\n}\n"},
		{"enum, const, nullable, union, array of a union",
			`{"type":"object","additionalProperties":false,"properties":{"e":{"enum":["x","y"]},"k":{"const":"z"},"n":{"type":["null","string"]},"o":{"oneOf":[{"type":"null"},{"type":"integer"}]},"l":{"type":"array","items":{"enum":["p","q"]}},"m":{"type":"array","items":{"type":"string"}}}}`,
			"export interface T {\n  e?: \"x\" | \"y\";\n  k?: \"z\";\n  n?: string | null;\n  o?: null | number;\n  l?: (\"p\" | \"q\")[];\n  m?: string[];\n}\n"},
		{"nested object, open object, map, quoted key",
			`{"type":"object","additionalProperties":false,"properties":{"in":{"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string"}}},"open":{"type":"object","properties":{}},"map":{"type":"object","additionalProperties":{"type":"integer"}},"a-b":{}}}`,
			"export interface T {\n  in?: {\n    id: string;\n  };\n  open?: {\n    [key: string]: unknown;\n  };\n  map?: {\n    [key: string]: number;\n  };\n  \"a-b\"?: unknown;\n}\n"},
		{"docs: title, description, format, default",
			`{"title":"A thing","type":"object","additionalProperties":false,"properties":{"d":{"type":"string","format":"date","description":"When. Not */ after."},"f":{"type":"boolean","default":false}}}`,
			"/** A thing */\nexport interface T {\n  /**\n   * When. Not *\\/ after.\n   * A day, YYYY-MM-DD.\n   */\n  d?: string;\n  /** @default false */\n  f?: boolean;\n}\n"},
		{"$defs and $ref",
			`{"$defs":{"spare-part":{"enum":["a","b"]}},"type":"object","additionalProperties":false,"properties":{"p":{"$ref":"#/$defs/spare-part"},"ps":{"type":"array","items":{"$ref":"#/$defs/spare-part"}}}}`,
			"export type SparePart = \"a\" | \"b\";\n\nexport interface T {\n  p?: SparePart;\n  ps?: SparePart[];\n}\n"},
	}
	for _, tt := range tests {
		got, err := declarations("T", []byte(tt.schema))
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
	}
}

// A keyword the generator does not know, or a schema it cannot read, is an
// error naming where: the types never silently lose part of a schema.
func TestDeclarationsErrors(t *testing.T) {
	tests := []struct {
		name, schema, want string
	}{
		{"unknown keyword", `{"type":"object","properties":{"a":{"type":"string","if":{}}}}`, `/properties/a/if: keyword "if": the type generator does not know it`},
		{"unknown keyword in a union", `{"type":"object","properties":{"a":{"oneOf":[{"not":{}}]}}}`, `/properties/a/oneOf/0/not: keyword "not"`},
		{"ref to another file", `{"type":"object","properties":{"a":{"$ref":"other.json#/x"}}}`, `/properties/a/$ref: "other.json#/x": want #/$defs/<name> of this file`},
		{"unknown type", `{"type":"object","properties":{"a":{"type":"date"}}}`, `/properties/a/type: unknown type "date"`},
		{"required without property", `{"type":"object","required":["b"],"properties":{"a":{}}}`, `/required: "b" is not in properties`},
		{"root not an object", `{"type":"array","items":{}}`, `/: want an object schema with properties at the root`},
		{"duplicate key", `{"type":"object","properties":{"a":{},"a":{}}}`, `/properties/a: duplicate key`},
		{"not JSON", `{"type":`, `/`},
		{"trailing data", `{"type":"object","properties":{}} {}`, `/: data after the object`},
	}
	for _, tt := range tests {
		_, err := declarations("T", []byte(tt.schema))
		require.Error(t, err, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
	}
}

// Every property of the project's schemas is in the types, as required or
// optional as the schema says, and each vocabulary of the schemas appears as
// a union: the generated file follows schema/*.json.
func TestTypesFollowTheSchemas(t *testing.T) {
	dts, err := typesFile("../../../schema", "../../rmacheck.api.d.ts")
	require.NoError(t, err)
	for _, s := range schemas {
		data, err := os.ReadFile(filepath.Join("../../../schema", s.file))
		require.NoError(t, err)
		var sc struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(data, &sc))
		start := strings.Index(dts, "export interface "+s.name+" {")
		require.GreaterOrEqual(t, start, 0, s.name)
		body := dts[start:]
		body = body[:strings.Index(body, "\n}\n")]
		required := map[string]bool{}
		for _, k := range sc.Required {
			required[k] = true
		}
		for k := range sc.Properties {
			opt := "?"
			if required[k] {
				opt = ""
			}
			assert.Regexp(t, regexp.MustCompile(`(?m)^  `+regexp.QuoteMeta(k+opt)+`: `), body, "%s.%s", s.name, k)
		}
		for _, enum := range enums(t, data) {
			assert.Contains(t, body, enum, "%s: a vocabulary of the schema", s.name)
		}
	}
	assert.True(t, strings.HasSuffix(dts, mustRead(t, "../../rmacheck.api.d.ts")), "the API's declarations follow")
}

// enums are the schema's enum values, each written as a TypeScript union.
func enums(t *testing.T, data []byte) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if e, ok := v["enum"].([]any); ok {
				parts := make([]string, len(e))
				for i, x := range e {
					b, _ := json.Marshal(x)
					parts[i] = string(b)
				}
				out = append(out, strings.Join(parts, " | "))
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	walk(v)
	require.NotEmpty(t, out)
	return out
}

func mustRead(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func TestNPMVersion(t *testing.T) {
	tests := []struct{ in, want string }{
		{"v2.1.3", "2.1.3"},
		{"v2.1.3-dirty", "2.1.3-dirty"},
		{"v2.1.3-4-gabc1234", "2.1.3-4.gabc1234"},
		{"v3.0.0-4-gabc1234-dirty", "3.0.0-4.gabc1234.dirty"},
		// Untagged builds carry the JS API's major (2: no global).
		{"eb03412", "2.0.0-geb03412"},
		{"0123456", "2.0.0-g0123456"}, // 0123456 alone would be a numeric identifier with a leading zero
		{"eb03412-dirty", "2.0.0-geb03412.dirty"},
		{"devel", "2.0.0-devel"},
	}
	semver := regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$`)
	for _, tt := range tests {
		got, err := npmVersion(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Regexp(t, semver, got, tt.in)
	}
	for _, bad := range []string{"", "Devel", "v1.2", "1.2.3", "abc", "v2.1.3-beta", "eb03412\n", "v1.2.3", "v1.9.9-4-gabc1234"} {
		_, err := npmVersion(bad)
		assert.Error(t, err, "%q", bad)
	}
}

func TestPackageJSON(t *testing.T) {
	b, err := packageJSON("1.2.3")
	require.NoError(t, err)
	var pkg struct {
		Name, Version, Type, Types string
		Exports                    map[string]any
		Files                      []string
		Engines                    map[string]string
	}
	require.NoError(t, json.Unmarshal(b, &pkg))
	assert.Equal(t, packageName, pkg.Name)
	assert.Equal(t, "1.2.3", pkg.Version)
	assert.Equal(t, "module", pkg.Type)
	assert.Equal(t, map[string]any{"types": "./rmacheck.d.ts", "default": "./rmacheck.mjs"}, pkg.Exports["."])
	assert.Contains(t, string(b), `">=20"`, "not HTML-escaped")
	for _, path := range pkg.Exports {
		if p, ok := path.(string); ok && p != "./package.json" { // npm always packs package.json
			assert.Contains(t, pkg.Files, strings.TrimPrefix(p, "./"), "%s is exported, so it ships", p)
		}
	}
}
