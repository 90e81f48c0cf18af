package rfc5424

import (
	"testing"
)

var sink int // results land here so that the compiler cannot drop the work

// TestNoAllocs proves the Scanner's promise: reading a message, walking its
// structured data, resolving escapes into a reused buffer and converting
// its timestamp allocate nothing.
func TestNoAllocs(t *testing.T) {
	ins := loadBenchInputs(t)
	ins = append(ins,
		benchInput{"nil_fields", []byte("<14>1 - - - - - -")},
		benchInput{"nil_fields_msg", []byte("<14>1 - - - - - - hello")},
		benchInput{"half_hour_offset", []byte(`<14>1 2024-01-01T00:00:00.5+05:30 h a p m [x@1 a="\"q\""] ` + bomStr + "é")},
		benchInput{"header_only_lenient_end", []byte("<14>1 2024-01-01T00:00:00Z h a p m")},
	)
	buf := make([]byte, 0, 256)
	for _, in := range ins {
		var s Scanner
		s.Lenient = in.name == "header_only_lenient_end"
		for _, tt := range []struct {
			name string
			f    func()
		}{
			{"Next", func() {
				if s.Reset(in.data) == nil {
					for s.NextElement() {
						sink += len(s.ElementID())
						for s.NextParam() {
							buf = s.AppendParamValue(buf[:0])
							sink += len(s.ParamName()) + len(buf)
						}
					}
					sink += len(s.Message()) + s.Time().Nanosecond()
				}
			}},
			{"Iterators", func() {
				s.Reset(in.data)
				for id := range s.Elements() {
					sink += len(id)
					for name, value := range s.Params() {
						sink += len(name) + len(value)
					}
				}
				sink += len(s.Message())
			}},
			{"MessageOnly", func() {
				s.Reset(in.data)
				sink += len(s.Message())
			}},
		} {
			t.Run(in.name+"/"+tt.name, func(t *testing.T) {
				if n := testing.AllocsPerRun(100, tt.f); n != 0 {
					t.Errorf("allocs = %v, want 0", n)
				}
				if s.Err() != nil {
					t.Errorf("input fails: %v", s.Err())
				}
			})
		}
	}
}

// TestParseAllocs pins the owned API's cost: two allocations without
// structured data, three with up to four elements.
func TestParseAllocs(t *testing.T) {
	for _, in := range loadBenchInputs(t) {
		want := 3.0
		if in.name == "b_5424_cef" {
			want = 2
		}
		n := testing.AllocsPerRun(100, func() {
			m, _ := Parse(in.data)
			sink += len(m.Msg)
		})
		if n != want {
			t.Errorf("%s: Parse allocs = %v, want %v", in.name, n, want)
		}
	}
}
