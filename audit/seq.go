package audit

import (
	"fmt"
	"strconv"
)

// Range is a run of sequence numbers, From to To inclusive, as the sender
// numbered them (after a wrap, a range may run from the top back to 1; it
// is then split in two).
type Range struct {
	From uint64 `json:"from"`
	To   uint64 `json:"to"`
}

// Len returns how many numbers the range holds.
func (r Range) Len() uint64 { return r.To - r.From + 1 }

// String returns "10452–10467 (16)", or "10452 (1)" for a single number.
func (r Range) String() string {
	if r.From == r.To {
		return fmt.Sprintf("%d (1)", r.From)
	}
	return fmt.Sprintf("%d–%d (%d)", r.From, r.To, r.Len())
}

// Restart is a sequence that started again: the highest number seen before
// it, and the number it started from.
type Restart struct {
	After uint64 `json:"after"`
	At    uint64 `json:"at"`
}

// Verdict says what one record was, as far as the tracker could tell.
type Verdict uint8

const (
	// Gap: numbers are missing just before this record's.
	Gap Verdict = 1 << iota
	// Late: the record's number fills an earlier gap, or comes before the
	// first number seen; it arrived out of order.
	Late
	// DuplicateNumber: the record's number was seen before.
	DuplicateNumber
	// Restarted: the record's sequence started again from a lower number.
	Restarted
	// Replay: the record's content was seen before, within the window.
	Replay
)

// Has reports whether v includes every flag of f.
func (v Verdict) Has(f Verdict) bool { return v&f == f }

// String lists the flags, such as "gap|replay"; "ok" when there is none.
func (v Verdict) String() string {
	if v == 0 {
		return "ok"
	}
	var b []byte
	for i, name := range []string{"gap", "late", "duplicate_number", "restart", "replay"} {
		if v&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, '|')
			}
			b = append(b, name...)
		}
	}
	return string(b)
}

// stream tracks one sequence: the numbers of one source's stream (a
// computer's Windows channel, a host's application).
//
// Numbers are kept unwrapped: a sequence that wraps at max continues at
// max+1, 2max+1, ..., so that order is plain integer order. What has been
// seen is exactly [first, hi] minus the open gaps, so no per-number state
// is needed however far back a late or repeated number is.
type stream struct {
	// What finding the stream and an in-order number touch comes first,
	// in the first cache line or two.
	hash          uint64 // of seq, source and label
	source, label string
	seq           int
	lastUse       uint64
	max           uint64 // wraps after max to 1; 0: never
	hi            uint64
	started       bool
	first         uint64
	received      int64
	lastSeen      uint64 // the last number seen, as sent
	missing       int64  // numbers in gaps now, including forgotten ones
	duplicates    int64
	late          int64
	invalid       int64 // values that are not numbers of the sequence
	// gaps holds the missing ranges, oldest first; gaps[open:] belong to
	// the current run of the sequence and can still be filled by late
	// arrivals, gaps[:open] were left behind by a restart.
	gaps []Range
	open int
	// dropped counts the ranges and numbers that no longer fit in gaps
	// (the oldest go first); floor is where the exact knowledge of the
	// current run starts once an open range was dropped.
	droppedRanges  int
	droppedMissing int64
	floor          uint64
	restarts       []Restart
	restartCount   int64
	firstSeen      uint64 // the first number ever seen, as sent
}

func (s *stream) used() uint64 { return s.lastUse }

// wrapped returns the number as the sender wrote it.
func (s *stream) wrapped(u uint64) uint64 {
	if s.max == 0 || u == 0 {
		return u
	}
	return (u-1)%s.max + 1
}

// unwrap places v, as the sender wrote it, in the unwrapped sequence: a
// small number right after the top of the range is the wrap, not a restart,
// and a number near the top right after the wrap came from before it.
func (s *stream) unwrap(v uint64, window uint64) uint64 {
	if s.max == 0 {
		return v
	}
	w := min(window, s.max/4)
	k := (s.hi - 1) / s.max
	hiW := s.hi - k*s.max
	switch {
	case hiW > s.max-w && v <= w:
		return (k+1)*s.max + v
	case hiW <= w && v > s.max-w && k > 0:
		// A late or repeated number from before the wrap.
		return (k-1)*s.max + v
	}
	return k*s.max + v
}

// observe records number v (as sent) and returns what it was. seen says
// whether the record's content was already seen (a replay); window is how
// far back a number may go before a new, unseen content counts as a
// restart rather than a reused number.
func (s *stream) observe(v uint64, seen bool, window uint64, maxGaps int) Verdict {
	if s.max > 0 && (v == 0 || v > s.max) {
		s.invalid++
		return 0
	}
	s.received++
	s.lastSeen = v
	if !s.started {
		s.started = true
		s.first, s.hi, s.firstSeen = v, v, v
		return 0
	}
	u := s.unwrap(v, window)
	next := s.hi + 1
	switch {
	case u == next:
		s.hi = u
		return 0
	case u > next:
		s.missing += int64(u - next)
		s.insertGap(len(s.gaps), Range{next, u - 1}, maxGaps)
		s.hi = u
		return Gap
	case u >= s.first:
		if s.fill(u) {
			s.late++
			return Late
		}
		if u < s.floor && !seen {
			// Before the part of the run still known exactly.
			s.late++
			return Late
		}
		if seen || s.hi-u <= window {
			s.duplicates++
			return DuplicateNumber
		}
	default: // u < s.first
		if seen {
			s.duplicates++
			return DuplicateNumber
		}
		if s.first-u <= window {
			if s.first-u > 1 {
				s.missing += int64(s.first - u - 1)
				s.insertGap(s.open, Range{u + 1, s.first - 1}, maxGaps)
			}
			s.first = u
			s.late++
			return Late
		}
	}
	// A number far below the top with content not seen before: the
	// sender started counting again.
	s.restartCount++
	if len(s.restarts) < cap(s.restarts) {
		s.restarts = append(s.restarts, Restart{After: s.wrapped(s.hi), At: v})
	}
	s.open = len(s.gaps)
	s.first, s.hi, s.floor = v, v, 0
	return Restarted
}

// fill removes u from the open gap that holds it, if any.
func (s *stream) fill(u uint64) bool {
	open := s.gaps[s.open:]
	// Binary search: the open gaps are sorted and disjoint.
	lo, hi := 0, len(open)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if open[m].To < u {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(open) || open[lo].From > u {
		return false
	}
	i := s.open + lo
	g := s.gaps[i]
	s.missing--
	switch {
	case g.From == g.To:
		s.gaps = append(s.gaps[:i], s.gaps[i+1:]...)
	case u == g.From:
		s.gaps[i].From++
	case u == g.To:
		s.gaps[i].To--
	default:
		// Split in two; when the list is full, the oldest range goes.
		s.gaps[i].To = u - 1
		s.insertGap(i+1, Range{u + 1, g.To}, cap(s.gaps))
	}
	return true
}

// insertGap inserts r at index i, making room by forgetting the oldest
// range when the list is full. The caller counts the numbers as missing.
func (s *stream) insertGap(i int, r Range, maxGaps int) {
	if len(s.gaps) >= maxGaps && i == 0 {
		// r is older than every range kept: it is the one to forget.
		s.droppedRanges++
		s.droppedMissing += int64(r.Len())
		if s.open == 0 {
			s.floor = max(s.floor, r.To+1)
		}
		return
	}
	if len(s.gaps) >= maxGaps {
		old := s.gaps[0]
		s.droppedRanges++
		s.droppedMissing += int64(old.Len())
		if s.open > 0 {
			s.open--
		} else {
			s.floor = max(s.floor, old.To+1)
		}
		copy(s.gaps, s.gaps[1:])
		s.gaps = s.gaps[:len(s.gaps)-1]
		i--
	}
	s.gaps = append(s.gaps, Range{})
	copy(s.gaps[i+1:], s.gaps[i:])
	s.gaps[i] = r
}

// missingRanges returns the gaps as the sender numbered them, splitting a
// range that runs across a wrap.
func (s *stream) missingRanges() []Range {
	var out []Range
	for _, g := range s.gaps {
		from, to := s.wrapped(g.From), s.wrapped(g.To)
		if s.max > 0 && (g.To-g.From >= s.max || to < from) {
			if g.To-g.From >= s.max {
				out = append(out, Range{1, s.max})
				continue
			}
			out = append(out, Range{from, s.max}, Range{1, to})
			continue
		}
		out = append(out, Range{from, to})
	}
	return out
}

// parseNumber reads a decimal sequence number (digits only, as
// strconv.ParseUint reads them in base 10) without allocating.
func parseNumber(s string) (uint64, bool) {
	if s == "" || len(s) > 19 {
		// Nineteen digits always fit in a uint64; longer numbers are
		// rare enough for strconv, which allocates only on error.
		if s == "" || s[0] < '0' || s[0] > '9' {
			return 0, false
		}
		v, err := strconv.ParseUint(s, 10, 64)
		return v, err == nil
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		d := uint64(s[i] - '0')
		if d > 9 {
			return 0, false
		}
		v = v*10 + d
	}
	return v, true
}
