package cef

import (
	"testing"
)

var sink int

// TestNoAllocs proves the promise of the package doc: scanning, walking,
// resolving escapes into reused buffers, dictionary lookups and typed
// readers allocate nothing.
func TestNoAllocs(t *testing.T) {
	ins := loadBenchInputs(t)
	ins = append(ins,
		benchInput{"header_only", []byte(`CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|10`)},
		benchInput{"flags", []byte(`CEF:0|a\x|b|c|d|e|5|request=https://x?id=1 path=C:\Windows foo=bar`)},
	)
	buf := make([]byte, 0, 1024)
	for _, in := range ins {
		var s Scanner
		for _, tt := range []struct {
			name string
			f    func()
		}{
			{"Next", func() {
				s.Reset(in.data)
				for f := FieldDeviceVendor; f < numFields; f++ {
					buf = s.AppendField(buf[:0], f)
					sink += len(buf)
				}
				for s.Next() {
					buf = s.AppendValue(buf[:0])
					sink += len(s.RawKey()) + len(buf) + int(s.Flags())
				}
			}},
			{"All", func() {
				s.Reset(in.data)
				for k, v := range s.All() {
					sink += len(k) + len(v)
				}
			}},
			{"Lookup", func() {
				s.Reset(in.data)
				for s.Next() {
					k, _ := Lookup(s.RawKey())
					sink += int(k.Type)
				}
			}},
		} {
			t.Run(in.name+"/"+tt.name, func(t *testing.T) {
				if n := testing.AllocsPerRun(100, tt.f); n != 0 {
					t.Errorf("allocs = %v, want 0", n)
				}
			})
		}
	}
	t.Run("typed", func(t *testing.T) {
		ip, mac, num, ts := []byte("2001:db8::1"), []byte("00-1A-2B-3C-4D-5E"), []byte(" 3000000000 "), []byte("Jul 04 2024 09:03:48.123 GMT+05:30")
		o := TimeOptions{}
		n := testing.AllocsPerRun(100, func() {
			a, _ := ParseIP(ip)
			m, _ := ParseMAC(mac)
			i, _ := ParseInt(num)
			f, _ := ParseFloat([]byte("2.5"))
			tm, _ := ParseTime(ts, o)
			sink += int(a.BitLen()) + int(m[0]) + int(i) + int(f) + tm.Nanosecond()
		})
		if n != 0 {
			t.Errorf("typed readers allocate %v", n)
		}
	})
}

// TestParseAllocs pins Parse's cost: at most three allocations per event.
func TestParseAllocs(t *testing.T) {
	for _, in := range loadBenchInputs(t) {
		n := testing.AllocsPerRun(100, func() {
			e, _ := Parse(in.data)
			sink += len(e.Extensions)
		})
		if n > 3 {
			t.Errorf("%s: Parse allocs = %v, want <= 3", in.name, n)
		}
	}
}
