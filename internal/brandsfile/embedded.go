package brandsfile

import (
	"fmt"
	"hash/fnv"

	"github.com/micromedia/rmacheck/internal/jsontree"
	"github.com/micromedia/rmacheck/internal/message"
)

// Embedded is the module's brands.json, decoded (embedded_model.go, which
// genmodel writes and its test holds to brands.json): sdk.Default compiles
// it without decoding JSON, which was most of the start-up a phone waits
// for. It leaves out what only the maintenance tools read (corrections
// and section digests); they read the file. The File is shared: nothing
// may write into it, nor into the numbers its optional integers point at.
func Embedded() *File { return &embeddedModel }

// IsEmbedded reports whether data is the brands.json Embedded was decoded
// from, by its size and 64-bit FNV-1a hash: a program offered a file can
// skip loading what it already has, without holding the embedded bytes.
// The hash is not cryptographic (crypto/sha256's start-up code would join
// every binary): a file made to collide is only ever taken for the
// embedded one, which is what the program keeps anyway.
func IsEmbedded(data []byte) bool {
	return len(data) == embeddedSize && fnv64a(data) == embeddedFNV
}

// fnv64a is the 64-bit FNV-1a hash of data.
func fnv64a(data []byte) uint64 {
	h := fnv.New64a()
	h.Write(data)
	return h.Sum64()
}

// Read decodes brands.json strictly (one JSON value, unique keys, valid
// UTF-8) into the file model; an error names its place by JSON pointer,
// line and column. It checks the JSON types only: run sdk.LoadBytes first
// for the schema and the lint.
func Read(data []byte) (*File, error) {
	doc, err := jsontree.Parse(data)
	if err != nil {
		line, col := jsontree.LineCol(data, err.Offset)
		return nil, fmt.Errorf("%s: line %d, column %d: %s", message.Place(err.Pointer), line, col, err.Msg)
	}
	var f File
	if err := jsontree.Decode(&doc, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

// pair is one entry of a map of the embedded model. A map is written there
// as a list of pairs, which is static data, and built from it when the
// package starts: a map literal of up to 25 entries compiles to code, one
// assignment each.
type pair[K comparable, V any] struct {
	k K
	v V
}

func mapOf[K comparable, V any](ps []pair[K, V]) map[K]V {
	m := make(map[K]V, len(ps))
	for _, p := range ps {
		m[p.k] = p.v
	}
	return m
}
