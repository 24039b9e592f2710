package sdk

import (
	"math"
	"math/bits"
	"slices"
)

// lookupIndex finds the few keys a query can match, so that Lookup scores
// those and not every key. Each part below finds a superset of the keys that
// one kind of match in score can accept; score has the last word, so the
// results are those of a scan of every key. It is built key by key at load,
// in time linear in the keys' length.
type lookupIndex struct {
	trie  []trieNode         // keys letter by letter; trie[0] is the root
	roots [36]int32          // the root's children by letterIndex, the busiest to search
	grams map[uint32][]int32 // trigram: the keys that contain it
	byLen []lenIndex         // key length: the keys of that length
	count [][36]int32        // key length: the length of each of byLen[n].byLetter, compact to add up
	pairs [36 * 36][]int32   // two letters in a row (pairIndex): the keys with them, as pairEntry
	masks []uint64           // per key (indexed like Guide.keys): its letters and length, see maskOf
	long  []int32            // keys it does not hold (too long, or too many), scored on every query
}

// maxIndexed bounds the keys the index holds, so that a hostile name cannot
// grow it: no brand name is this long, and osa gives up past 63 letters.
const maxIndexed = 64

type trieNode struct {
	child, next int32 // first child and next sibling, 0 for none (the root is nobody's child)
	end         int32 // a key that ends here, -1 for none; lookupKey.same links the others
	c           byte
}

type lenIndex struct {
	all      []int32
	byLetter [36][]int32 // the keys with that letter, as indexed by histogram
}

func letterIndex(c byte) int {
	if c <= '9' {
		return 26 + int(c-'0')
	}
	return int(c - 'a')
}

func newLookupIndex() *lookupIndex {
	return &lookupIndex{trie: []trieNode{{end: -1}}, grams: map[uint32][]int32{}}
}

// letterBits are the bits of a mask that stand for letters (letterIndex);
// the top byte holds the length.
const letterBits = 1<<36 - 1

func maskOf(k string) uint64 {
	m := uint64(min(len(k), 255)) << 56
	for i := 0; i < len(k); i++ {
		m |= 1 << letterIndex(k[i])
	}
	return m
}

func pairIndex(a, b byte) int { return letterIndex(a)*36 + letterIndex(b) }

// A pair list holds a key's index and length in one int32, so that reading
// it skips keys of the wrong length without looking them up.
func pairEntry(ki int32, n int) int32 { return ki<<7 | int32(n) }

func trigram(s []byte) uint32 { return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2]) }

// appendOnce appends ki unless it is already last: keys are added in order.
func appendOnce(l []int32, ki int32) []int32 {
	if n := len(l); n > 0 && l[n-1] == ki {
		return l
	}
	return append(l, ki)
}

// add indexes keys[ki].
func (ix *lookupIndex) add(keys []lookupKey, ki int32) {
	k := keys[ki].key
	ix.masks = append(ix.masks, maskOf(k))
	if len(k) > maxIndexed || ki >= 1<<24 { // pairEntry has 24 bits for ki
		keys[ki].same = -1
		ix.long = append(ix.long, ki)
		return
	}
	n := int32(0)
	for i := 0; i < len(k); i++ {
		m := ix.child(n, k[i])
		if m == 0 {
			m = int32(len(ix.trie))
			ix.trie = append(ix.trie, trieNode{next: ix.trie[n].child, end: -1, c: k[i]})
			ix.trie[n].child = m
			if n == 0 {
				ix.roots[letterIndex(k[i])] = m
			}
		}
		n = m
	}
	keys[ki].same = ix.trie[n].end
	ix.trie[n].end = ki
	for i := 0; i+3 <= len(k); i++ {
		t := trigram([]byte(k[i : i+3]))
		ix.grams[t] = appendOnce(ix.grams[t], ki)
	}
	for len(ix.byLen) <= len(k) {
		ix.byLen = append(ix.byLen, lenIndex{})
		ix.count = append(ix.count, [36]int32{})
	}
	li := &ix.byLen[len(k)]
	li.all = append(li.all, ki)
	for i := 0; i < len(k); i++ {
		c := letterIndex(k[i])
		li.byLetter[c] = appendOnce(li.byLetter[c], ki)
		ix.count[len(k)][c] = int32(len(li.byLetter[c]))
	}
	for i := 0; i+2 <= len(k); i++ {
		p := pairIndex(k[i], k[i+1])
		ix.pairs[p] = appendOnce(ix.pairs[p], pairEntry(ki, len(k)))
	}
}

// child is n's child for letter c, 0 for none.
func (ix *lookupIndex) child(n int32, c byte) int32 {
	if n == 0 {
		return ix.roots[letterIndex(c)]
	}
	for m := ix.trie[n].child; m != 0; m = ix.trie[m].next {
		if ix.trie[m].c == c {
			return m
		}
	}
	return 0
}

// follow walks s down from n: the node that spells it, 0 for none.
func (ix *lookupIndex) follow(n int32, s []byte) int32 {
	for i := 0; i < len(s) && n != 0; i++ {
		n = ix.child(n, s[i])
	}
	return n
}

// ends appends the keys that end at n.
func (ix *lookupIndex) ends(keys []lookupKey, n int32, dst []int32) []int32 {
	for ki := ix.trie[n].end; ki >= 0; ki = keys[ki].same {
		dst = append(dst, ki)
	}
	return dst
}

// subtree appends the keys that start with what n spells.
func (ix *lookupIndex) subtree(keys []lookupKey, n int32, dst []int32) []int32 {
	var sbuf [32]int32
	stack := append(sbuf[:0], n)
	for len(stack) > 0 {
		n, stack = stack[len(stack)-1], stack[:len(stack)-1]
		dst = ix.ends(keys, n, dst)
		for m := ix.trie[n].child; m != 0; m = ix.trie[m].next {
			stack = append(stack, m)
		}
	}
	return dst
}

// candidates appends to dst the keys that may score above 0 against the
// normalised query q, some of them more than once.
func (ix *lookupIndex) candidates(q []byte, keys []lookupKey, dst []int32) []int32 {
	dst = append(dst, ix.long...)
	n := len(q)
	// Along q's path: an exact key, keys that q starts (its subtree), and
	// keys that start q.
	node := int32(0)
	for d := 1; d <= n; d++ {
		if node = ix.child(node, q[d-1]); node == 0 {
			break
		}
		switch {
		case d == n && n >= 2:
			dst = ix.subtree(keys, node, dst)
		case d == n || d >= 3 && n-d <= 12:
			dst = ix.ends(keys, node, dst)
		}
	}
	// Keys that contain q have each of its trigrams: take the rarest.
	if n >= 3 {
		var rarest []int32
		for i := 0; i+3 <= n; i++ {
			l := ix.grams[trigram(q[i:])]
			if i == 0 || len(l) < len(rarest) {
				rarest = l
			}
			if len(rarest) == 0 {
				break
			}
		}
		dst = append(dst, rarest...)
	}
	limit := maxTypos(n)
	if limit == 0 || n > 63 { // osa gives up past 63 letters
		return dst
	}
	dst = ix.typos(q, limit, dst)
	if limit > 1 {
		dst = ix.prefixTypos(q, keys, dst)
	}
	return dst
}

// typos appends the keys that may be within limit edits of q: a length at
// most limit away, and at most limit of q's distinct letters missing, and at
// most limit of the key's, since an edit loses one letter at most. Such a
// key has one of any limit+1 letters of q, and one of any 3*limit+1 of its
// distinct letter pairs, since an edit loses three at most (a swap turns
// ab, bc, cd into ac, cb, bd). The lists of the rarest letters or pairs are
// read, whichever are shorter, and the masks filter them.
func (ix *lookupIndex) typos(q []byte, limit int, dst []int32) []int32 {
	lo, hi := len(q)-limit, min(len(q)+limit, len(ix.byLen)-1)
	if lo > hi {
		return dst
	}
	var qmask uint64
	for _, b := range q {
		qmask |= 1 << letterIndex(b)
	}
	near := func(ki int32) bool {
		m := ix.masks[ki]
		n := int(m >> 56)
		return n >= lo && n <= hi &&
			bits.OnesCount64(qmask&^m) <= limit && bits.OnesCount64(m&letterBits&^qmask) <= limit
	}

	// The rarest letters at these lengths, and what their lists hold.
	var perLetter [36]int32
	for n := lo; n <= hi; n++ {
		row := &ix.count[n]
		for m := qmask; m != 0; m &= m - 1 {
			c := bits.TrailingZeros64(m)
			perLetter[c] += row[c]
		}
	}
	var letters [3]int
	lettersRead := math.MaxInt
	if bits.OnesCount64(qmask) > limit {
		lettersRead = 0
		var taken uint64
		for i := range limit + 1 {
			c, fewest := 0, int32(math.MaxInt32)
			for m := qmask &^ taken; m != 0; m &= m - 1 {
				if c2 := bits.TrailingZeros64(m); perLetter[c2] < fewest {
					c, fewest = c2, perLetter[c2]
				}
			}
			letters[i], taken, lettersRead = c, taken|1<<c, lettersRead+int(fewest)
		}
	}

	// The rarest distinct pairs at any length, and what their lists hold,
	// unless the letters' lists are short enough.
	need := 3*limit + 1
	var pbuf [7]int
	pairs := pbuf[:0]
	for i := 0; i+2 <= len(q) && lettersRead > 32; i++ {
		p := pairIndex(q[i], q[i+1])
		if slices.Contains(pairs, p) {
			continue // a pair left out the first time is left out again
		}
		n := len(ix.pairs[p])
		if len(pairs) == need {
			if n >= len(ix.pairs[pairs[need-1]]) {
				continue
			}
		} else {
			pairs = append(pairs, p)
		}
		j := len(pairs) - 1
		for ; j > 0 && len(ix.pairs[pairs[j-1]]) > n; j-- {
			pairs[j] = pairs[j-1]
		}
		pairs[j] = p
	}
	pairsRead := math.MaxInt
	if len(pairs) == need {
		pairsRead = 0
		for _, p := range pairs {
			pairsRead += len(ix.pairs[p])
		}
	}

	switch {
	case pairsRead < math.MaxInt && pairsRead/2 < lettersRead: // most pair entries are skipped by length alone
		start := len(dst)
		for _, p := range pairs {
			for _, e := range ix.pairs[p] {
				if n := int(e & 127); n >= lo && n <= hi && near(e>>7) {
					dst = append(dst, e>>7)
				}
			}
		}
		// A key with two of the pairs came twice.
		slices.Sort(dst[start:])
		return slices.Compact(dst)
	case lettersRead < math.MaxInt:
		var read uint64 // a key with one of these letters was seen in its list
		for _, c := range letters[:limit+1] {
			for n := lo; n <= hi; n++ {
				for _, ki := range ix.byLen[n].byLetter[c] {
					if ix.masks[ki]&read == 0 && near(ki) {
						dst = append(dst, ki)
					}
				}
			}
			read |= 1 << c
		}
		return dst
	}
	// Too few letters to filter by: every key of a near length.
	for n := lo; n <= hi; n++ {
		for _, ki := range ix.byLen[n].all {
			if near(ki) {
				dst = append(dst, ki)
			}
		}
	}
	return dst
}

// prefixTypos appends the keys longer than q whose first len(q) letters
// are within one edit of q, the only prefix typo that score can accept (with
// two edits allowed, a prefix typo costs one more). Both have len(q)
// letters, so the edit changes one letter or swaps two neighbours; score also
// wants the first letter kept.
func (ix *lookupIndex) prefixTypos(q []byte, keys []lookupKey, dst []int32) []int32 {
	node := ix.child(0, q[0])
	for d := 1; node != 0 && d < len(q); d++ {
		// node spells q[:d].
		for m := ix.trie[node].child; m != 0; m = ix.trie[m].next {
			if ix.trie[m].c != q[d] {
				if e := ix.follow(m, q[d+1:]); e != 0 {
					dst = ix.subtree(keys, e, dst)
				}
			}
		}
		if d+1 < len(q) && q[d] != q[d+1] {
			if e := ix.follow(node, []byte{q[d+1], q[d]}); e != 0 {
				if e = ix.follow(e, q[d+2:]); e != 0 {
					dst = ix.subtree(keys, e, dst)
				}
			}
		}
		node = ix.child(node, q[d])
	}
	return dst
}
