package sdk

import "math/bits"

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
	count [][36]int32        // key length: len(byLen[n].byLetter[c]) for each c, compact for typos
	masks []uint64           // per key (indexed like Guide.keys): bit letterIndex(c) for each letter c
	long  []int32            // keys too long to index, scored on every query
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
	var mask uint64
	for i := 0; i < len(k); i++ {
		mask |= 1 << letterIndex(k[i])
	}
	ix.masks = append(ix.masks, mask)
	if len(k) > maxIndexed {
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
// most limit away and, since an edit loses at most one letter of either
// string, at most limit of q's distinct letters missing, and at most limit
// of the key's. Such a key has one of any limit+1 letters of q: the lists of
// the rarest are read, and the letter masks filter them.
func (ix *lookupIndex) typos(q []byte, limit int, dst []int32) []int32 {
	lo, hi := len(q)-limit, min(len(q)+limit, len(ix.byLen)-1)
	if lo > hi {
		return dst
	}
	type letter struct{ c, keys int32 }
	var qmask uint64
	var lbuf [36]letter
	letters := lbuf[:0]
	for _, b := range q {
		c := letterIndex(b)
		if qmask&(1<<c) == 0 {
			qmask |= 1 << c
			letters = append(letters, letter{c: int32(c)})
		}
	}
	for n := lo; n <= hi; n++ {
		row := &ix.count[n]
		for i := range letters {
			letters[i].keys += row[letters[i].c]
		}
	}
	// Rarest first: an insertion sort of at most 36.
	for i := 1; i < len(letters); i++ {
		for j := i; j > 0 && letters[j-1].keys > letters[j].keys; j-- {
			letters[j-1], letters[j] = letters[j], letters[j-1]
		}
	}
	near := func(ki int32) bool {
		m := ix.masks[ki]
		return bits.OnesCount64(qmask&^m) <= limit && bits.OnesCount64(m&^qmask) <= limit
	}
	if len(letters) <= limit { // too few letters to choose from
		for n := lo; n <= hi; n++ {
			for _, ki := range ix.byLen[n].all {
				if near(ki) {
					dst = append(dst, ki)
				}
			}
		}
		return dst
	}
	var read uint64 // the letters whose lists were read: a key with one of them was seen
	for _, l := range letters[:limit+1] {
		for n := lo; n <= hi; n++ {
			if ix.count[n][l.c] == 0 {
				continue
			}
			for _, ki := range ix.byLen[n].byLetter[l.c] {
				if ix.masks[ki]&read == 0 && near(ki) {
					dst = append(dst, ki)
				}
			}
		}
		read |= 1 << l.c
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
