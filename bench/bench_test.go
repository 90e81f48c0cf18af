package bench

import (
	"bytes"
	"testing"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/rfc3164"
	"github.com/cefsyslog/cefsyslog/rfc5424"
	beatscef "github.com/elastic/beats/v7/x-pack/filebeat/processors/decode_cef/cef"
	"github.com/leodido/go-syslog/v4"
	"github.com/leodido/go-syslog/v4/auto"
	leodido3164 "github.com/leodido/go-syslog/v4/rfc3164"
	leodido5424 "github.com/leodido/go-syslog/v4/rfc5424"
)

// A peer parses one message; it is built once, outside the timed loop, as
// a receiver would build it.
type peer struct {
	name     string
	families string // the input families it is meant for
	parse    func([]byte) error
}

var sink int

func peers() []peer {
	var s5424 rfc5424.Scanner
	var s3164 rfc3164.Scanner
	var scef cef.Scanner
	l5424 := leodido5424.NewParser()
	l5424be := leodido5424.NewParser(leodido5424.WithBestEffort())
	l3164 := leodido3164.NewParser(leodido3164Options()...)
	lauto := leodidoAuto()
	return []peer{
		// Floors: the work no parser of the family can avoid, and a plain
		// byte loop, the shape of a byte-at-a-time state machine.
		{"floor-split", "5424 3164 cef", func(b []byte) error { sink += floorSplit(b); return nil }},
		{"floor-byteloop", "5424 3164 cef", func(b []byte) error { sink += floorByteLoop(b); return nil }},

		{"ours-scanner", "5424", func(b []byte) error {
			err := s5424.Reset(b)
			if err == nil {
				for s5424.NextElement() {
					for s5424.NextParam() {
					}
				}
				sink += len(s5424.Message())
			}
			return err
		}},
		{"ours-scanner", "3164", func(b []byte) error {
			err := s3164.Reset(b)
			sink += len(s3164.Message())
			return err
		}},
		{"ours-scanner", "cef", func(b []byte) error {
			err := scef.Reset(b)
			for scef.Next() {
			}
			return err
		}},
		{"ours-parse", "5424", func(b []byte) error { m, err := rfc5424.Parse(b); sink += len(m.Msg); return err }},
		{"ours-parse", "3164", func(b []byte) error { m, err := rfc3164.Parse(b); sink += len(m.Msg); return err }},
		{"ours-parse", "cef", func(b []byte) error { e, err := cef.Parse(b); sink += len(e.Extensions); return err }},
		{"ours-auto", "5424 3164 cef", func(b []byte) error { r, err := cefsyslog.Parse(b); sink += len(r.Raw); return err }},

		{"leodido-5424", "5424", func(b []byte) error { _, err := l5424.Parse(b); return err }},
		{"leodido-5424-be", "5424", func(b []byte) error { _, err := l5424be.Parse(b); return err }},
		{"leodido-3164-be", "3164", func(b []byte) error { _, err := l3164.Parse(b); return err }},
		{"leodido-auto", "5424 3164", func(b []byte) error { _, err := lauto.Parse(b); return err }},
		{"beats", "cef", func(b []byte) error {
			var e beatscef.Event
			return e.Unpack(string(b))
		}},
	}
}

// BenchmarkParse runs every peer on every input of its families, named
// in=<input>/peer=<peer> for benchstat -col /peer -row /in.
func BenchmarkParse(b *testing.B) {
	for _, in := range loadInputs(b) {
		for _, p := range peers() {
			if !bytes.Contains([]byte(p.families), []byte(in.family)) {
				continue
			}
			b.Run("in="+in.name+"/peer="+p.name, func(b *testing.B) {
				b.SetBytes(int64(len(in.data)))
				b.ReportAllocs()
				for b.Loop() {
					p.parse(in.data)
				}
			})
		}
	}
}

// floorSplit finds the spaces that end the header fields and, for
// RFC 5424, the end of the structured data: the work every syslog parser
// must do. For CEF it finds the seven header pipes and every '='.
func floorSplit(rec []byte) int {
	if bytes.HasPrefix(rec, []byte("CEF:")) {
		n := 0
		i := 0
		for range 7 {
			j := bytes.IndexByte(rec[i:], '|')
			if j < 0 {
				return -1
			}
			i += j + 1
		}
		for {
			j := bytes.IndexByte(rec[i:], '=')
			if j < 0 {
				return n
			}
			n++
			i += j + 1
		}
	}
	i := 0
	for range 6 {
		j := bytes.IndexByte(rec[i:], ' ')
		if j < 0 {
			return i
		}
		i += j + 1
	}
	for i < len(rec) && rec[i] == '[' {
		for {
			j := bytes.IndexByte(rec[i:], ']')
			if j < 0 {
				return -1
			}
			i += j + 1
			if rec[i-2] != '\\' {
				break
			}
		}
	}
	return i
}

// floorByteLoop visits every byte and reacts to the few a parser looks at.
func floorByteLoop(rec []byte) int {
	n := 0
	for _, c := range rec {
		switch c {
		case ' ', '|', '=', '\\', ']':
			n++
		}
	}
	return n
}

// leodido3164Options are the RFC 3164 options the project's syslog
// reference measured leodido with: the current year, RFC 3339 stamps, best
// effort.
func leodido3164Options() []syslog.MachineOption {
	return []syslog.MachineOption{leodido3164.WithYear(leodido3164.CurrentYear{}), leodido3164.WithRFC3339(), leodido3164.WithBestEffort()}
}

// leodidoAuto is leodido's auto-detecting machine with those options, best
// effort for both formats.
func leodidoAuto() syslog.Machine {
	m := auto.NewMachine(auto.WithRFC3164Options(leodido3164Options()...))
	m.WithBestEffort()
	return m
}
