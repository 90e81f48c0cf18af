package audit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cefsyslog/cefsyslog/cef"
)

// TestExtKeysAgreesWithGet: for random events whose keys crowd one length
// and one prefix, differ in one byte at the start, middle or end (there in
// a byte that extKeys.tail cannot tell apart too), repeat,
// and run from empty to longer than byLen indexes, every key of every
// lookup finds what cef.Event.Get finds, the last pair with that key, or
// nothing where Get finds nothing.
func TestExtKeysAgreesWithGet(t *testing.T) {
	pool := []string{
		"", "a", "b", "ab", "ax", "src", "xrc", "sxc", "srx", "dst", "MasTask", "MaxTask", "MasTasx", "MasLevel", "MasOpcode",
		"MasChannel", "MasVersion", "MasEventID", // ten bytes, one prefix
		"MasChanne,", "MasEventRecordI\x04", // last bytes equal to MasChannel's and MasEventRecordID's modulo 64
		"MasComputer", "MasKeywords", "MasUserData", "MasComputes", // eleven
		"MasEventRecordID", "MasEventRecordIE", "XasEventRecordID", // sixteen, differing at either end
		"MasProviderEventSourceName", "MasProviderFventSourceName", // differing in the middle
		"destinationTranslatedZoneExternalID",
		strings.Repeat("k", maxKeyLen), strings.Repeat("k", maxKeyLen+1), strings.Repeat("k", 70),
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func() string { return pool[rng.IntN(len(pool))] }
	for round := range 3000 {
		ev := &cef.Event{}
		for i := range rng.IntN(30) {
			ev.Extensions = append(ev.Extensions, cef.Extension{Key: pick(), Value: string(rune('A' + i))})
		}
		keys := []string{pick(), pick(), pick()}[:1+rng.IntN(3)]
		if msg := disagreeWithGet(ev, keys); msg != "" {
			t.Fatalf("round %d: %s", round, msg)
		}
	}
}

// disagreeWithGet looks keys up in ev with extKeys and with cef.Event.Get
// and says where the two differ, or returns "".
func disagreeWithGet(ev *cef.Event, keys []string) string {
	v0, v1, v2, found := newExtKeys(keys...).get(ev)
	v := [3]string{v0, v1, v2}
	for j, k := range keys {
		want, ok := ev.Get(k)
		if got := found&(1<<j) != 0; got != ok || v[j] != want {
			return fmt.Sprintf("keys %q in %v: key %q gives %q, %v; Get gives %q, %v", keys, ev.Extensions, k, v[j], got, want, ok)
		}
	}
	if found>>len(keys) != 0 {
		return fmt.Sprintf("keys %q: found %b has bits beyond the %d keys", keys, found, len(keys))
	}
	return ""
}

// BenchmarkExtKeys sets the one-pass lookup of the default sequence's
// three keys beside three calls to cef.Event.Get, on Azure Stack Hub's
// Windows event (testdata/benchdata/cef-b_maswin.txt), the claim extKeys's
// comment makes.
func BenchmarkExtKeys(b *testing.B) {
	line, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", "cef-b_maswin.txt"))
	if err != nil {
		b.Fatal(err)
	}
	ev, err := cef.Parse(line)
	if err != nil {
		b.Fatal(err)
	}
	sq := MasEventRecordID
	b.Run("lookup=Get", func(b *testing.B) {
		n := 0
		for b.Loop() {
			v0, _ := ev.Get(sq.Extension)
			v1, _ := ev.Get(sq.By[0])
			v2, _ := ev.Get(sq.By[1])
			n += len(v0) + len(v1) + len(v2)
		}
		sinkInt = n
	})
	b.Run("lookup=extKeys", func(b *testing.B) {
		k := newExtKeys(sq.Extension, sq.By[0], sq.By[1])
		n := 0
		for b.Loop() {
			v0, v1, v2, _ := k.get(ev)
			n += len(v0) + len(v1) + len(v2)
		}
		sinkInt = n
	})
}

var sinkInt int

// FuzzExtKeys: for any extension keys (a comma-separated list) and any
// three keys to look up, extKeys finds what cef.Event.Get finds.
func FuzzExtKeys(f *testing.F) {
	f.Add("MasChannel,MasComputer,MasEventID,MasEventRecordID,MasVersion,MasUserData,MasKeywords,MasLevel,MasTask",
		"MasEventRecordID", "MasComputer", "MasChannel")
	f.Add("src,dst,src,,spt,src,dpt,act,app,cnt", "src", "", "dpt")
	f.Fuzz(func(t *testing.T, keys, k0, k1, k2 string) {
		ev := &cef.Event{}
		for i, k := range strings.Split(keys, ",") {
			if i == 256 {
				break
			}
			ev.Extensions = append(ev.Extensions, cef.Extension{Key: k, Value: strconv.Itoa(i)})
		}
		if msg := disagreeWithGet(ev, []string{k0, k1, k2}); msg != "" {
			t.Fatal(msg)
		}
	})
}
