package rfc3164

import "testing"

// TestNoAllocs proves the Scanner reads every form of line, and converts
// its stamp, without allocating.
func TestNoAllocs(t *testing.T) {
	ins := loadBenchInputs(t)
	for _, tt := range parseTests {
		in, _ := cutMark(tt.in)
		if tt.err == nil {
			ins = append(ins, benchInput{tt.name, []byte(in)})
		}
	}
	var s Scanner
	s.Options = testOptions
	for _, in := range ins {
		n := testing.AllocsPerRun(50, func() {
			s.Reset(in.data)
			h := s.Header()
			sink += len(s.Message()) + len(h.Hostname) + len(h.AppName) + s.Time().Nanosecond()
		})
		if n != 0 {
			t.Errorf("%s: allocs = %v, want 0", in.name, n)
		}
	}
}

// TestParseAllocs pins Parse's cost: two allocations.
func TestParseAllocs(t *testing.T) {
	for _, in := range loadBenchInputs(t) {
		n := testing.AllocsPerRun(100, func() {
			m, _ := testOptions.Parse(in.data)
			sink += len(m.Msg)
		})
		if n > 2 {
			t.Errorf("%s: Parse allocs = %v, want <= 2", in.name, n)
		}
	}
}

func TestAppendTextAllocs(t *testing.T) {
	m, _ := testOptions.Parse([]byte("<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed"))
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() {
		buf, _ = m.AppendText(buf[:0])
	}); n != 0 {
		t.Errorf("AppendText allocates %v times", n)
	}
}
