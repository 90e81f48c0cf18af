package audit

import "time"

const (
	maxSilences = 16 // silences kept per source; more are counted
	maxRestarts = 8  // restarts kept per stream; more are counted
)

// source tracks one sender: how many records, how many replays, and when
// it spoke.
type source struct {
	name            string
	hash            uint64 // of name
	events          int64
	replays         int64
	first, last     int64   // event times, Unix nanoseconds; 0 before any
	mean            float64 // average interval, nanoseconds
	intervals       int64
	silences        []Silence
	silencesDropped int64
	lastUse         uint64
}

// Silence is a time a source sent nothing.
type Silence struct {
	From time.Time `json:"from"`
	// To is when the source spoke again; for a silence still going on at
	// the end of what was seen, it is that end, and Ongoing is true.
	To      time.Time     `json:"to"`
	For     time.Duration `json:"duration_ns"`
	Ongoing bool          `json:"ongoing,omitempty"`
}

func (s *source) used() uint64 { return s.lastUse }

// seenAt notes a record at time ns and whether the quiet before it was a
// silence. Records whose time goes backwards (reordered, or another
// clock) move nothing.
func (s *source) seenAt(ns int64, c *Config) {
	if s.last == 0 {
		s.first, s.last = ns, ns
		return
	}
	if ns <= s.last {
		return
	}
	d := ns - s.last
	if s.isSilence(d, c) {
		if len(s.silences) < cap(s.silences) {
			s.silences = append(s.silences, Silence{From: time.Unix(0, s.last).UTC(), To: time.Unix(0, ns).UTC(), For: time.Duration(d)})
		} else {
			s.silencesDropped++
		}
	} else {
		// The usual interval: an average that follows changes within a
		// few dozen messages, and that silences do not move.
		s.intervals++
		if s.intervals == 1 {
			s.mean = float64(d)
		} else {
			s.mean += (float64(d) - s.mean) / float64(min(s.intervals, 32))
		}
	}
	s.last = ns
}

func (s *source) isSilence(d int64, c *Config) bool {
	if c.Silence > 0 && time.Duration(d) > c.Silence {
		return true
	}
	return c.SilenceFactor > 0 && s.intervals >= 7 && float64(d) > c.SilenceFactor*s.mean
}
