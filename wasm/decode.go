//go:build js && wasm

package main

import (
	"unicode"
	"unicode/utf8"

	"github.com/micromedia/rmacheck/sdk"
)

// decodeClaim is sdk.DecodeClaim with a fast path. Under WebAssembly
// encoding/json took about a third of a call to evaluate, so the plain claims
// that JSON.stringify writes (a flat object of the claim's keys with string
// and boolean values, strings without escapes) are read here by hand; any
// other input goes to sdk.DecodeClaim, which also words every error: any
// claim over the size limit, and any string with an escape, invalid UTF-8,
// or a control, format or separator character, whatever DecodeClaim's rules
// for them. A claim read by hand passes the same Validate as in DecodeClaim.
// TestDecodeClaimFastPath and FuzzDecodeClaim hold the two to the same result.
func decodeClaim(data []byte, today sdk.Date) (sdk.Claim, error) {
	if len(data) > maxClaimBytes {
		return sdk.DecodeClaim(data, today) // its limit, its words
	}
	c, ok := fastClaim(data, today)
	if !ok {
		return sdk.DecodeClaim(data, today)
	}
	if err := c.Validate(); err != nil {
		return sdk.Claim{}, err
	}
	return c, nil
}

// fastClaim reads the simple claims; ok is false for anything else,
// including dates that do not parse (so that DecodeClaim words the error).
func fastClaim(data []byte, today sdk.Date) (c sdk.Claim, ok bool) {
	c.ClaimDate = today
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return c, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return c, skipSpace(data, i+1) == len(data)
	}
	var seen uint16 // keys read so far: a repeated key goes to DecodeClaim
	for {
		key, j, ok := plainString(data, i)
		if !ok {
			return c, false
		}
		bit := keyBit(key)
		if bit < 0 || seen&(1<<bit) != 0 {
			return c, false
		}
		seen |= 1 << bit
		i = skipSpace(data, j)
		if i >= len(data) || data[i] != ':' {
			return c, false
		}
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return c, false
		}
		if data[i] == '"' {
			s, j, ok := plainString(data, i)
			if !ok || !setString(&c, key, s) {
				return c, false
			}
			i = j
		} else {
			v, j, ok := boolean(data, i)
			if !ok || !setBool(&c, key, v) {
				return c, false
			}
			i = j
		}
		i = skipSpace(data, i)
		if i >= len(data) {
			return c, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return c, skipSpace(data, i+1) == len(data)
		default:
			return c, false
		}
	}
}

// claimKeys are the claim's JSON keys.
var claimKeys = [...]string{"brand", "category", "model", "purchaseDate", "claimDate", "boughtFromMicromedia",
	"proofOfPurchase", "defectDescription", "serialNumber", "photo", "complete", "support", "spareParts"}

func keyBit(key string) int {
	for i, k := range claimKeys {
		if k == key {
			return i
		}
	}
	return -1
}

func setString(c *sdk.Claim, key, s string) bool {
	switch key {
	case "category", "support", "spareParts":
		if s == "" {
			return false // DecodeClaim rejects an empty enum value
		}
	}
	switch key {
	case "brand":
		c.Brand = s
	case "category":
		c.Category = sdk.Category(s)
	case "model":
		c.Model = s
	case "purchaseDate", "claimDate":
		d, err := sdk.ParseDate(s)
		if err != nil {
			return false
		}
		if key == "claimDate" {
			c.ClaimDate = d
		} else {
			c.PurchaseDate = d
		}
	case "defectDescription":
		c.DefectDescription = s
	case "serialNumber":
		c.SerialNumber = s
	case "support":
		c.Support = sdk.Support(s)
	case "spareParts":
		c.SpareParts = sdk.SpareParts(s)
	default:
		return false
	}
	return true
}

func setBool(c *sdk.Claim, key string, v bool) bool {
	switch key {
	case "boughtFromMicromedia":
		c.NotFromMicromedia = !v
	case "proofOfPurchase":
		c.ProofOfPurchase = v
	case "photo":
		c.Photo = v
	case "complete":
		c.Incomplete = !v
	default:
		return false
	}
	return true
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// plainString reads the JSON string at data[i] if it has no escapes, only
// valid UTF-8 and no control, format (bidirectional marks, BOM) or line
// separator characters: then its value is its bytes.
func plainString(data []byte, i int) (s string, next int, ok bool) {
	if i >= len(data) || data[i] != '"' {
		return "", i, false
	}
	ascii := true
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			if !ascii && !plainUTF8(data[i+1:j]) {
				return "", i, false
			}
			return string(data[i+1 : j]), j + 1, true
		case c == '\\' || c < 0x20 || c == 0x7f:
			return "", i, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", i, false
}

// plainUTF8 reports whether b is valid UTF-8 without control, format or
// separator characters.
func plainUTF8(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			return false
		}
		b = b[size:]
	}
	return true
}

func boolean(data []byte, i int) (v bool, next int, ok bool) {
	switch {
	case len(data)-i >= 4 && string(data[i:i+4]) == "true":
		return true, i + 4, true
	case len(data)-i >= 5 && string(data[i:i+5]) == "false":
		return false, i + 5, true
	}
	return false, i, false
}
