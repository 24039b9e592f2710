package main

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
)

// fakeJS is a JavaScript value that behaves like syscall/js's: Get on
// anything but an object or a function panics.
type fakeJS struct {
	app.Value // not set: any other method panics
	typ       app.Type
	str       string
	num       float64
	props     map[string]*fakeJS
}

func (v *fakeJS) Type() app.Type { return v.typ }

func (v *fakeJS) Get(p string) app.Value {
	if v.typ != app.TypeObject && v.typ != app.TypeFunction {
		panic("syscall/js: call of Value.Get on " + v.typ.String())
	}
	if c, ok := v.props[p]; ok {
		return c
	}
	return &fakeJS{typ: app.TypeUndefined}
}

func (v *fakeJS) String() string {
	if v.typ == app.TypeString {
		return v.str
	}
	return "<" + v.typ.String() + ">"
}

func (v *fakeJS) Truthy() bool {
	switch v.typ {
	case app.TypeUndefined, app.TypeNull:
		return false
	case app.TypeBoolean, app.TypeNumber:
		return v.num != 0
	case app.TypeString:
		return v.str != ""
	}
	return true
}

func jsStr(s string) *fakeJS { return &fakeJS{typ: app.TypeString, str: s} }

func jsObj(props map[string]*fakeJS) *fakeJS { return &fakeJS{typ: app.TypeObject, props: props} }

func TestHostConfigLangIgnoresWhatIsNotAConfig(t *testing.T) {
	config := func(lang *fakeJS) *fakeJS {
		return jsObj(map[string]*fakeJS{"source": jsStr("rmacheck-host"), "type": jsStr("config"), "lang": lang})
	}
	tests := []struct {
		name string
		data app.Value
		want sdk.Lang
		ok   bool
	}{
		{"config", config(jsStr("nl")), sdk.LangDutch, true},
		{"a shop script's string", jsStr("rmacheck-host"), "", false},
		{"a number", &fakeJS{typ: app.TypeNumber, num: 42}, "", false},
		{"true", &fakeJS{typ: app.TypeBoolean, num: 1}, "", false},
		{"null", &fakeJS{typ: app.TypeNull}, "", false},
		{"undefined", &fakeJS{typ: app.TypeUndefined}, "", false},
		{"a function", &fakeJS{typ: app.TypeFunction}, "", false},
		{"another source", jsObj(map[string]*fakeJS{"source": jsStr("other"), "type": jsStr("config"), "lang": jsStr("nl")}), "", false},
		{"another type", jsObj(map[string]*fakeJS{"source": jsStr("rmacheck-host"), "type": jsStr("reset")}), "", false},
		{"source not a string", jsObj(map[string]*fakeJS{"source": jsObj(nil), "type": jsStr("config")}), "", false},
		{"lang not a string", config(&fakeJS{typ: app.TypeNumber, num: 1}), "", false},
		{"unknown lang", config(jsStr("de")), "", false},
		{"no lang", config(&fakeJS{typ: app.TypeUndefined}), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sdk.Lang
			var ok bool
			assert.NotPanics(t, func() { got, ok = hostConfigLang(tt.data) })
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.ok, ok)
		})
	}
}
