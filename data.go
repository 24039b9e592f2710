// Package rmacheck holds the data RMA Check ships with: brands.json (the
// Micromedia return guide as data) and the JSON Schemas that describe it,
// the claim and the decision. The evaluator lives in package sdk; this
// package only embeds files, because go:embed cannot reach a parent folder.
package rmacheck

import _ "embed"

// BrandsJSON is the embedded brands.json. Treat it as read-only.
//
//go:embed brands.json
var BrandsJSON []byte

// BrandsSchema is schema/brands.schema.json.
//
//go:embed schema/brands.schema.json
var BrandsSchema []byte

// ClaimSchema is schema/claim.schema.json.
//
//go:embed schema/claim.schema.json
var ClaimSchema []byte

// DecisionSchema is schema/decision.schema.json.
//
//go:embed schema/decision.schema.json
var DecisionSchema []byte
