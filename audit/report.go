package audit

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is what a Tracker found, per source. It marshals to JSON as is.
type Report struct {
	// Events is how many records were observed.
	Events int64 `json:"events"`
	// Start and End are the earliest and latest event times seen; zero
	// when no record had a time.
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
	// ReplayWindow is how many recent events replays were looked for in;
	// 0 when replay detection was off.
	ReplayWindow int `json:"replay_window"`
	// Sources are sorted by name.
	Sources []SourceReport `json:"sources"`
	// Forgotten is what the memory budget made the tracker forget; its
	// counts are not in Sources.
	Forgotten Forgotten `json:"forgotten"`
}

// SourceReport is one source's findings.
type SourceReport struct {
	// Source is the sender: a syslog HOSTNAME, a CEF dvchost or dvc, or
	// the computer a sequence's By names.
	Source string `json:"source"`
	// Events is how many records came from the source (0 for a computer
	// known only from the sequences that name it).
	Events int64 `json:"events"`
	// First and Last are the times of its first and last records.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Replays counts records whose content was seen before, within the
	// replay window.
	Replays int64 `json:"replays"`
	// Silences are the times the source sent nothing for too long, in
	// order; SilencesDropped counts those beyond the first 16.
	Silences        []Silence `json:"silences,omitempty"`
	SilencesDropped int64     `json:"silences_dropped,omitempty"`
	// Sequences are the source's numbered streams, sorted by sequence
	// and stream.
	Sequences []SequenceReport `json:"sequences,omitempty"`
}

// SequenceReport is one numbered stream of a source.
type SequenceReport struct {
	// Sequence is the Sequence's Name; Stream names the stream within
	// the source: a Windows channel, or an APP-NAME.
	Sequence string `json:"sequence"`
	Stream   string `json:"stream"`
	// First and Last are the first and last numbers received.
	First    uint64 `json:"first"`
	Last     uint64 `json:"last"`
	Received int64  `json:"received"`
	// Missing counts the numbers never received; Gaps lists them, oldest
	// first, up to 32 ranges; GapsDropped and MissingDropped count the
	// ranges and numbers that did not fit (Missing includes them).
	Missing        int64   `json:"missing"`
	Gaps           []Range `json:"gaps,omitempty"`
	GapsDropped    int     `json:"gaps_dropped,omitempty"`
	MissingDropped int64   `json:"missing_dropped,omitempty"`
	// Duplicates counts numbers received again; Late counts numbers that
	// arrived after higher ones.
	Duplicates int64 `json:"duplicates"`
	Late       int64 `json:"late"`
	// Restarts lists where the sequence started again (up to 8); the
	// count includes those that did not fit.
	Restarts     []Restart `json:"restarts,omitempty"`
	RestartCount int64     `json:"restart_count"`
	// Invalid counts values that were not numbers of the sequence.
	Invalid int64 `json:"invalid,omitempty"`
}

// Forgotten is what the memory budget made a tracker forget, with the
// findings it had for what it forgot.
type Forgotten struct {
	Sources int `json:"sources"`
	Streams int `json:"streams"`
	// Fingerprints counts events forgotten before ReplayAge passed, so
	// that a replay of them would go unseen.
	Fingerprints int64 `json:"fingerprints"`
	// ReplayWindow is the window the budget allowed, when it is smaller
	// than the Config asked for; 0 otherwise.
	ReplayWindow int   `json:"replay_window,omitempty"`
	Missing      int64 `json:"missing"`
	Duplicates   int64 `json:"duplicates"`
	Replays      int64 `json:"replays"`
	Silences     int64 `json:"silences"`
}

// Any reports whether anything was forgotten.
func (f Forgotten) Any() bool { return f != Forgotten{} }

// Report returns what the tracker found so far. A source quiet since
// before the end of what was seen, for longer than the silence settings
// allow, gets an ongoing silence up to that end.
func (t *Tracker) Report() *Report { return t.ReportAt(time.Time{}) }

// ReportAt is Report with ongoing silences measured up to now instead of
// the latest event time, as a live receiver needs.
func (t *Tracker) ReportAt(now time.Time) *Report {
	end := t.end
	if !now.IsZero() {
		end = now.UnixNano()
	}
	rep := &Report{Events: t.events, Forgotten: t.forgot}
	rep.Forgotten.ReplayWindow = t.windowCut
	if t.start != 0 {
		rep.Start, rep.End = time.Unix(0, t.start).UTC(), time.Unix(0, t.end).UTC()
	}
	if t.fp != nil {
		rep.ReplayWindow = t.fp.window()
	}
	bySource := make(map[string]*SourceReport)
	get := func(name string) *SourceReport {
		if sr := bySource[name]; sr != nil {
			return sr
		}
		sr := &SourceReport{Source: name}
		bySource[name] = sr
		return sr
	}
	for s := range t.allSources() {
		sr := get(s.name)
		sr.Events, sr.Replays = s.events, s.replays
		sr.Silences = cloneOrNil(s.silences)
		sr.SilencesDropped = s.silencesDropped
		if s.last != 0 {
			sr.First, sr.Last = time.Unix(0, s.first).UTC(), time.Unix(0, s.last).UTC()
			if d := end - s.last; d > 0 && s.isSilence(d, &t.cfg) {
				sr.Silences = append(sr.Silences, Silence{From: sr.Last, To: time.Unix(0, end).UTC(), For: time.Duration(d), Ongoing: true})
			}
		}
	}
	for s := range t.allStreams() {
		if !s.started {
			continue
		}
		sr := get(s.source)
		sr.Sequences = append(sr.Sequences, SequenceReport{
			Sequence: t.seqs[s.seq].Name, Stream: s.label,
			First: s.firstSeen, Last: s.lastSeen, Received: s.received,
			Missing: s.missing, Gaps: s.missingRanges(),
			GapsDropped: s.droppedRanges, MissingDropped: s.droppedMissing,
			Duplicates: s.duplicates, Late: s.late,
			Restarts: cloneOrNil(s.restarts), RestartCount: s.restartCount,
			Invalid: s.invalid,
		})
	}
	for _, sr := range bySource {
		slices.SortFunc(sr.Sequences, func(a, b SequenceReport) int {
			return cmp.Or(cmp.Compare(a.Sequence, b.Sequence), cmp.Compare(a.Stream, b.Stream))
		})
		rep.Sources = append(rep.Sources, *sr)
	}
	slices.SortFunc(rep.Sources, func(a, b SourceReport) int { return cmp.Compare(a.Source, b.Source) })
	return rep
}

// Missing returns how many sequence numbers were never received, over
// every source, including the streams the budget made the tracker forget.
func (r *Report) Missing() int64 {
	n := r.Forgotten.Missing
	for _, s := range r.Sources {
		for _, q := range s.Sequences {
			n += q.Missing
		}
	}
	return n
}

// Duplicates returns how many records were duplicates: replays, and
// numbers received again.
func (r *Report) Duplicates() int64 {
	n := r.Forgotten.Duplicates + r.Forgotten.Replays
	for _, s := range r.Sources {
		n += s.Replays
		for _, q := range s.Sequences {
			n += q.Duplicates
		}
	}
	return n
}

// Silences returns how many silences were found.
func (r *Report) Silences() int64 {
	n := r.Forgotten.Silences
	for _, s := range r.Sources {
		n += int64(len(s.Silences)) + s.SilencesDropped
	}
	return n
}

// Clean reports whether nothing was missing, duplicated or silent.
func (r *Report) Clean() bool {
	return r.Missing() == 0 && r.Duplicates() == 0 && r.Silences() == 0
}

// WriteText writes the report for a person: a table with a row per source
// and sequence stream, then each finding on a line of its own.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d events from %d %s", r.Events, len(r.Sources), plural(len(r.Sources), "source", "sources"))
	if !r.Start.IsZero() {
		fmt.Fprintf(&b, ", %s to %s", r.Start.Format(time.RFC3339), r.End.Format(time.RFC3339))
	}
	b.WriteString("\n\n")
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tSTREAM\tEVENTS\tNUMBERS\tMISSING\tDUPLICATES\tLATE\tRESTARTS\tREPLAYS\tSILENCES")
	for _, s := range r.Sources {
		silences := int64(len(s.Silences)) + s.SilencesDropped
		fmt.Fprintf(tw, "%s\t\t%d\t\t\t\t\t\t%d\t%d\n", s.Source, s.Events, s.Replays, silences)
		for _, q := range s.Sequences {
			numbers := fmt.Sprintf("%d–%d", q.First, q.Last)
			if q.First == q.Last {
				numbers = fmt.Sprint(q.First)
			}
			fmt.Fprintf(tw, "\t%s (%s)\t%d\t%s\t%d\t%d\t%d\t%d\t\t\n",
				q.Stream, q.Sequence, q.Received, numbers, q.Missing, q.Duplicates, q.Late, q.RestartCount)
		}
	}
	tw.Flush()
	// Rows end in empty cells, which tabwriter pads.
	for line := range strings.Lines(table.String()) {
		b.WriteString(strings.TrimRight(line, " \n"))
		b.WriteByte('\n')
	}

	var findings []string
	for _, s := range r.Sources {
		for _, q := range s.Sequences {
			where := s.Source + " / " + q.Stream
			for _, g := range q.Gaps {
				findings = append(findings, fmt.Sprintf("%s: missing %s", where, g))
			}
			if q.GapsDropped > 0 {
				findings = append(findings, fmt.Sprintf("%s: %d more missing ranges (%d numbers) not listed", where, q.GapsDropped, q.MissingDropped))
			}
			if q.Duplicates > 0 {
				findings = append(findings, fmt.Sprintf("%s: %d %s received again", where, q.Duplicates, plural(int(q.Duplicates), "number", "numbers")))
			}
			for _, x := range q.Restarts {
				findings = append(findings, fmt.Sprintf("%s: restarted at %d after %d", where, x.At, x.After))
			}
		}
		if s.Replays > 0 {
			findings = append(findings, fmt.Sprintf("%s: %d %s seen again (replayed)", s.Source, s.Replays, plural(int(s.Replays), "event", "events")))
		}
		for _, x := range s.Silences {
			if x.Ongoing {
				findings = append(findings, fmt.Sprintf("%s: silent since %s (%s)", s.Source, x.From.Format(time.RFC3339), x.For))
			} else {
				findings = append(findings, fmt.Sprintf("%s: silent from %s to %s (%s)", s.Source, x.From.Format(time.RFC3339), x.To.Format(time.RFC3339), x.For))
			}
		}
	}
	b.WriteByte('\n')
	if len(findings) == 0 {
		b.WriteString("No loss, duplicates or silences found.\n")
	}
	for _, f := range findings {
		b.WriteString(f)
		b.WriteByte('\n')
	}
	if f := r.Forgotten; f.Any() {
		b.WriteString("\nThe memory budget made the audit forget:")
		if f.ReplayWindow > 0 {
			fmt.Fprintf(&b, " replays were looked for in the last %d events only;", f.ReplayWindow)
		}
		if f.Sources+f.Streams > 0 {
			fmt.Fprintf(&b, " %d sources and %d streams (with %d missing, %d duplicates, %d replays, %d silences found before);",
				f.Sources, f.Streams, f.Missing, f.Duplicates, f.Replays, f.Silences)
		}
		if f.Fingerprints > 0 {
			fmt.Fprintf(&b, " %d events before their replay age passed;", f.Fingerprints)
		}
		s := strings.TrimSuffix(b.String(), ";")
		b.Reset()
		b.WriteString(s)
		b.WriteString(".\nA larger memory budget gives a complete audit.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cloneOrNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
