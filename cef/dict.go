package cef

//go:generate go run gen_dict.go -in ../../shared/reference/cef.md -out dict_table.go

import (
	"iter"
	"sort"
	"sync"
)

// Type is the data type the CEF dictionary gives a key.
type Type uint8

// Types of the dictionary. TypeInteger is 32-bit in the spec's words, but
// values are read as int64 so that byte counts past 2³¹ still fit.
const (
	TypeString Type = iota
	TypeInteger
	TypeLong
	TypeDouble
	TypeIPv4
	TypeIPv6
	TypeIP // IPv4 or IPv6
	TypeMAC
	TypeTimestamp
)

var typeNames = [...]string{TypeString: "string", TypeInteger: "integer", TypeLong: "long", TypeDouble: "double",
	TypeIPv4: "ipv4_address", TypeIPv6: "ipv6_address", TypeIP: "ip_address", TypeMAC: "mac_address", TypeTimestamp: "timestamp"}

// String returns the type's name as the CEF standard's table writes it.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// Audience says who sets a key.
type Audience uint8

// Audiences of the dictionary.
const (
	// Producer keys are set by the device that sends the event.
	Producer Audience = iota
	// Consumer keys are set by ArcSight after ingestion; producers should
	// not set them, but connectors forward them, so they are read.
	Consumer
	// Both marks the CEF 1.2 keys, which either side may set.
	Both
)

// Key describes one key of the CEF extension dictionary.
type Key struct {
	Name     string   // the short key, as written in events: "src"
	FullName string   // the full name: "sourceAddress"
	Type     Type     // the value's type
	MaxLen   int      // the spec's maximum length in characters, 0 when it gives none
	Audience Audience // who sets it
	Since    string   // the version that added it: "0.1", "1.2", or "v25" for keys only the v25 standard lists
}

// The dictionary comes from the merged table of the v27 standard and the
// v25 keys it lost; dict_table.go is generated from it. Its known errors are
// kept as published: dmac's full name is deviceMacAddress in v27, and
// flexString1Label's full name is "flexString2Label".

// Keys returns an iterator over the whole dictionary, in the table's order.
func Keys() iter.Seq[Key] {
	return func(yield func(Key) bool) {
		for _, k := range dictionary {
			if !yield(k) {
				return
			}
		}
	}
}

// byName indexes the dictionary by folded short and full names, sorted for
// binary search. Short names come first among names that fold alike, so
// that "flexString2Label" finds that key and not flexString1Label, whose
// published full name repeats it by mistake. Two published full names are
// wrong and are not indexed: dmac's "deviceMacAddress" (dvcmac's full name;
// dmac is the destination MAC, as the v25 tables and every peer have it)
// and flexString1Label's "flexString2Label"; dmac is also found as
// "destinationMacAddress".
var byName = sync.OnceValue(func() []nameIndex {
	var idx []nameIndex
	for i, k := range dictionary {
		idx = append(idx, nameIndex{fold(k.Name), int16(i)})
	}
	for i, k := range dictionary {
		switch {
		case k.FullName == k.Name,
			k.Name == "dmac", k.Name == "flexString1Label":
			continue
		}
		idx = append(idx, nameIndex{fold(k.FullName), int16(i)})
	}
	for i, k := range dictionary {
		if k.Name == "dmac" {
			idx = append(idx, nameIndex{fold("destinationMacAddress"), int16(i)})
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return idx[a].name < idx[b].name })
	return idx
})

type nameIndex struct {
	name string
	key  int16
}

func fold(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Lookup finds a key by its short or full name, in any case ("src",
// "SRC", "sourceAddress"). The spec's own tables write some keys with other
// capitals than events do, which is why case is ignored. It does not
// allocate.
func Lookup[T string | []byte](name T) (Key, bool) {
	idx := byName()
	lo, hi := 0, len(idx)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if compareFold(idx[m].name, name) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	// The short-name entry of a key sorts before its full-name entry
	// when they fold alike, and either finds the key.
	if lo < len(idx) && compareFold(idx[lo].name, name) == 0 {
		return dictionary[idx[lo].key], true
	}
	return Key{}, false
}

// compareFold compares a folded name with name, folding name's ASCII
// letters as it goes.
func compareFold[T string | []byte](folded string, name T) int {
	n := min(len(folded), len(name))
	for i := range n {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if folded[i] != c {
			if folded[i] < c {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(folded) < len(name):
		return -1
	case len(folded) > len(name):
		return 1
	}
	return 0
}
