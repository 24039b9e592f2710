// Package rmacheck holds the data RMA Check ships with: brands.json (the
// Micromedia return guide as data) and the JSON Schemas that describe it,
// the claim and the decision. The evaluator lives in package sdk; this
// package only embeds files, because go:embed cannot reach a parent folder.
//
// Each accessor returns a new copy: the embedded files are strings, so no
// caller can change what another one reads.
package rmacheck

import _ "embed"

var (
	//go:embed brands.json
	brandsJSON string
	//go:embed schema/brands.schema.json
	brandsSchema string
	//go:embed schema/claim.schema.json
	claimSchema string
	//go:embed schema/decision.schema.json
	decisionSchema string
)

// BrandsJSON returns a copy of the embedded brands.json.
func BrandsJSON() []byte { return []byte(brandsJSON) }

// BrandsSchema returns a copy of schema/brands.schema.json.
func BrandsSchema() []byte { return []byte(brandsSchema) }

// ClaimSchema returns a copy of schema/claim.schema.json.
func ClaimSchema() []byte { return []byte(claimSchema) }

// DecisionSchema returns a copy of schema/decision.schema.json.
func DecisionSchema() []byte { return []byte(decisionSchema) }
