package rfc5424

import (
	"fmt"
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

// TestParseAllocs pins the owned API's cost: two allocations for messages
// with up to four elements and 16 params, more beyond. The constructed
// messages sit at each size class's edges.
func TestParseAllocs(t *testing.T) {
	sd := func(elems, params int) []byte {
		b := []byte("<13>1 - - - - - ")
		if elems == 0 {
			b = append(b, '-')
		}
		for e := range elems {
			b = fmt.Appendf(b, "[e%d", e)
			for p := range params / elems {
				b = fmt.Appendf(b, ` p%d="v\\%d"`, p, p)
			}
			if e == 0 {
				for p := range params % elems {
					b = fmt.Appendf(b, ` q%d="v"`, p)
				}
			}
			b = append(b, ']')
		}
		return append(b, " msg"...)
	}
	type input struct {
		name string
		data []byte
		want float64
	}
	var ins []input
	for _, in := range loadBenchInputs(t) {
		ins = append(ins, input{in.name, in.data, 2})
	}
	for _, c := range []struct{ elems, params int }{
		{0, 0}, {1, 0}, {1, 4}, {1, 5}, {2, 8}, {2, 9}, {3, 16}, {4, 16},
	} {
		ins = append(ins, input{fmt.Sprintf("%d elements %d params", c.elems, c.params), sd(c.elems, c.params), 2})
	}
	ins = append(ins,
		input{"4 elements 17 params", sd(4, 17), 5},
		input{"5 elements 5 params", sd(5, 5), 4})
	for _, in := range ins {
		n := testing.AllocsPerRun(100, func() {
			m, _ := Parse(in.data)
			sink += len(m.Msg)
		})
		if _, err := Parse(in.data); err != nil {
			t.Fatalf("%s: %v", in.name, err)
		}
		if n != in.want {
			t.Errorf("%s: Parse allocs = %v, want %v", in.name, n, in.want)
		}
	}
}
