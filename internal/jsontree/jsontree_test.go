package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRefusesWhatEncodingJSONBends(t *testing.T) {
	tests := []struct {
		name, in, pointer, msg string
		ofMember               bool
	}{
		{"a repeated key", `{"a":{"b":1,"b":2}}`, "/a/b", "duplicate key", true},
		{"invalid UTF-8 in a value", "{\"a\":[\"x\xff\"]}", "/a/0", "invalid UTF-8 in a string", true},
		{"a lone surrogate escape", `{"a":"\ud800"}`, "/a", "lone UTF-16 surrogate escape in a string", true},
		{"nesting past MaxDepth", `{"a":` + strings.Repeat("[", MaxDepth+2) + strings.Repeat("]", MaxDepth+2) + `}`, "/a" + strings.Repeat("/0", MaxDepth), "nested deeper than 64 levels", true},
		{"data after the document", `{} {}`, "", "trailing data after the document", false},
		{"a byte order mark", "\xef\xbb\xbf{}", "", "starts with a byte order mark", false},
		{"a syntax error, with its place", `{"a":[1,]}`, "/a/1", "unexpected ']'", false},
		{"a control character in a string", "{\"a\":\"x\ny\"}", "/a", "control character", false},
		{"a pointer with ~ and /", `{"a/b~":{"c":1,"c":1}}`, "/a~1b~0/c", "duplicate key", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			require.NotNil(t, err)
			assert.Equal(t, tt.pointer, err.Pointer)
			assert.Contains(t, err.Msg, tt.msg)
			assert.Equal(t, tt.ofMember, err.OfMember)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
}

func TestParseKeepsOrderAndValues(t *testing.T) {
	n, err := Parse([]byte(` {"z":1.50,"a":[true,null,"é\u00e9\ud83d\ude00"],"m":{}} `))
	require.Nil(t, err)
	assert.Equal(t, []string{"z", "a", "m"}, n.Keys)
	assert.Equal(t, "1.50", n.Vals[0].Str, "a number keeps its literal")
	a, i := n.Member("a")
	require.Equal(t, 1, i)
	assert.Equal(t, []Kind{KindBool, KindNull, KindString}, []Kind{a.Vals[0].Kind, a.Vals[1].Kind, a.Vals[2].Kind})
	assert.Equal(t, "éé😀", a.Vals[2].Str)
	assert.Equal(t, `{"z":1.50,"a":[true,null,"éé😀"],"m":{}}`, string(n.Marshal(nil)))
}

func TestMembers(t *testing.T) {
	names := map[string]string{"brand": "brand"}
	var seen []string
	collect := func(key string, v Node) bool { seen = append(seen, key+"="+v.Str); return true }
	require.NoError(t, Members([]byte(` {"brand":"Acer","x":"1"} `), names, collect))
	assert.Equal(t, []string{"brand=Acer", "x=1"}, seen)

	tests := []struct {
		name, in string
		want     func(error) bool
	}{
		{"empty", "  ", func(err error) bool { return errors.Is(err, ErrEmpty) }},
		{"an array", `[1]`, func(err error) bool {
			var e *NotObjectError
			return errors.As(err, &e) && e.Kind == KindArray
		}},
		{"two values", `{} {}`, func(err error) bool { return errors.Is(err, ErrTrailing) }},
		{"truncated", `{"brand":`, func(err error) bool {
			var e *Error
			return errors.As(err, &e) && e.Offset == len(`{"brand":`)
		}},
		{"deep, not an object: no member to name", strings.Repeat("[", 100), func(err error) bool {
			var e *Error
			return errors.As(err, &e) && !e.OfMember
		}},
	}
	for _, tt := range tests {
		err := Members([]byte(tt.in), names, collect)
		assert.True(t, tt.want(err), "%s: %v", tt.name, err)
	}
	calls := 0
	err := Members([]byte(`{"a":"1","b":"2"} trailing`), nil, func(string, Node) bool { calls++; return false })
	assert.NoError(t, err, "stopped by member: no error of Members'")
	assert.Equal(t, 1, calls)
}

type decoded struct {
	Name  string           `json:"name"`
	Count int              `json:"count"`
	Small int8             `json:"small"`
	On    bool             `json:"on"`
	Day   string           `json:"day"`
	List  []string         `json:"list"`
	Map   map[string]int   `json:"map"`
	Opt   *int             `json:"opt,omitempty"`
	Inner *struct{ X int } `json:"inner"`
}

func TestDecode(t *testing.T) {
	n, perr := Parse([]byte(`{"name":"a","count":3e1,"small":7,"on":true,"day":"2024-02-29","list":["x","y"],"map":{"k":1},"opt":5,"inner":{"X":2}}`))
	require.Nil(t, perr)
	var got decoded
	require.NoError(t, Decode(&n, &got))
	assert.Equal(t, "a", got.Name)
	assert.Equal(t, 30, got.Count, "3e1 is the whole number 30")
	assert.Equal(t, "2024-02-29", got.Day, "a string is a string: the tree decoder calls no UnmarshalText")
	assert.Equal(t, []string{"x", "y"}, got.List)
	assert.Equal(t, map[string]int{"k": 1}, got.Map)
	require.NotNil(t, got.Opt)
	assert.Equal(t, 5, *got.Opt)
	assert.Equal(t, 2, got.Inner.X)

	tests := []struct{ name, in, err string }{
		{"an unknown key", `{"name":"a","Name":"b"}`, `/: unknown key "Name"`},
		{"a fraction for an int", `{"count":1.5}`, "/count: the number 1.5 is not a whole number that fits int"},
		{"out of range", `{"small":300}`, "/small: the number 300 is not a whole number that fits int8"},
		{"a wrong type", `{"list":"x"}`, "/list: want array, got string"},
		{"a number for a string", `{"day":20240229}`, "/day: want string, got number"},
	}
	for _, tt := range tests {
		n, perr := Parse([]byte(tt.in))
		require.Nil(t, perr, tt.name)
		var v decoded
		err := Decode(&n, &v)
		require.Error(t, err, tt.name)
		assert.Contains(t, err.Error(), tt.err, tt.name)
	}

	n, perr = Parse([]byte(`{"count":"x","name":"after","list":["a","b"]}`))
	require.Nil(t, perr)
	n.Vals[2].Vals[0].Dropped = true
	var v decoded
	assert.EqualError(t, Decode(&n, &v), "/count: want number, got string")
	assert.Equal(t, "after", v.Name, "decoding goes on past a value that does not fit")
	assert.Equal(t, []string{"", "b"}, v.List, "a dropped element is left zero")
	assert.Error(t, Decode(&n, v), "not a pointer")
}

// TestAppendString writes what json.Encoder with SetEscapeHTML(false)
// writes, for every kind of character that JSON or encoding/json treats
// apart.
func TestAppendString(t *testing.T) {
	tests := []string{
		"plain", `a"b\c`, "\n\r\t\b\f\x01\x1f", "\xff", "a\xffb\xe2\x82", "\u2028 \u2029", "\xe2\x80\xa7", "<&>", "€ é 😀", "",
	}
	for _, s := range tests {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		assert.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(AppendString([]byte("x"), s))[1:], "%q", s)
	}
}
