package audit

import (
	"hash/maphash"
	"iter"
	"time"

	"github.com/cefsyslog/cefsyslog"
)

// Defaults for the zero Config.
const (
	DefaultMemory        = 64 << 20 // bytes
	DefaultReplayWindow  = 1 << 16  // events
	DefaultReorderWindow = 1024     // sequence numbers
	DefaultMaxGaps       = 32       // missing ranges kept per stream
)

// Sequence names where records carry a sequence number, and what
// identifies the stream the numbers count.
type Sequence struct {
	// Name is how reports call the sequence, such as "MasEventRecordID".
	Name string
	// Extension is the CEF extension key that holds the number; or, when
	// it is empty, SDID and Param name the RFC 5424 SD-PARAM that does.
	Extension   string
	SDID, Param string
	// By names the two CEF extensions whose values identify the stream,
	// the source first ("MasComputer", "MasChannel"). When they are empty
	// the stream is the record's source and its syslog APP-NAME.
	By [2]string
	// Max is the last number before the sequence wraps to 1; 0 when it
	// never wraps.
	Max uint64
}

// The sequences the zero Config tracks.
var (
	// MasEventRecordID is the Windows event record number Azure Stack Hub
	// forwards, counted per computer and event channel.
	MasEventRecordID = Sequence{Name: "MasEventRecordID", Extension: "MasEventRecordID", By: [2]string{"MasComputer", "MasChannel"}}
	// MetaSequenceID is RFC 5424's [meta sequenceId]: counted per
	// sender, starting at 1 and wrapping after 2147483647 (§7.3.1).
	MetaSequenceID = Sequence{Name: "meta.sequenceId", SDID: "meta", Param: "sequenceId", Max: 2147483647}
)

// DefaultSequences are the sequences the zero Config tracks.
var DefaultSequences = []Sequence{MasEventRecordID, MetaSequenceID}

// Config sets what a Tracker watches and how much memory it may use. The
// zero Config tracks DefaultSequences and replays, with no silence checks.
type Config struct {
	// Sequences lists the sequence numbers to track; nil means
	// DefaultSequences. An empty, non-nil slice tracks none.
	Sequences []Sequence
	// ReplayWindow is how many recent events are remembered to recognise
	// a replay; 0 means DefaultReplayWindow, and a negative value turns
	// replay detection off. The memory budget may make it smaller; the
	// report says so.
	ReplayWindow int
	// ReplayAge, when positive, also limits the window in time: an event
	// seen again more than ReplayAge after it was first seen (by event
	// time) is not counted as a replay.
	ReplayAge time.Duration
	// ReorderWindow is how far below the highest number seen a number may
	// arrive and still count as late or repeated; a number further down,
	// with content not seen before, means the sequence restarted. 0 means
	// DefaultReorderWindow.
	ReorderWindow uint64
	// Silence, when positive, reports a source that sent nothing for
	// longer than this.
	Silence time.Duration
	// SilenceFactor, when positive, reports a source that sent nothing
	// for SilenceFactor times its usual interval (an average over its
	// recent messages, from the eighth message on).
	SilenceFactor float64
	// KeepHost puts the syslog HOSTNAME in the fingerprint that
	// recognises replays. By default the fingerprint leaves the host out,
	// like the timestamp, because BSD relays write their own; where relays
	// keep it (RFC 5424 relays must), KeepHost stops the same text from
	// two hosts counting as a replay.
	KeepHost bool
	// Memory is the budget in bytes for everything the tracker keeps;
	// 0 means DefaultMemory. When it runs out the tracker forgets the
	// sources and streams it has not heard from the longest, and the
	// report says what was forgotten.
	Memory int
}

// Tracker watches a stream of records and finds, per source, sequence
// gaps, duplicates, late arrivals, restarts, replays and silences. Its
// memory is bounded by Config.Memory; once a source is known, observing a
// record allocates nothing.
//
// A Tracker is not safe for concurrent use.
type Tracker struct {
	cfg     Config
	seqs    []Sequence
	window  uint64
	maxGaps int
	budget  int // for sources and streams
	used    int
	// sources and streams are found by a hash of their key, which is
	// cheaper than a string-keyed map; the rare key whose hash another
	// key already has goes to collided.
	sources    map[uint64]*source
	streams    map[uint64]*stream
	collided   map[string]any
	last       *source // the source of the previous record
	fp         *fingerprints
	seed       maphash.Seed
	key, name  []byte
	clock      uint64 // counts observations, for least-recently-used
	events     int64
	start, end int64 // event times seen, Unix nanoseconds
	windowCut  int   // the replay window the budget allowed, when smaller
	forgot     Forgotten
}

// New returns a Tracker for c.
func New(c Config) *Tracker {
	t := &Tracker{cfg: c, seqs: c.Sequences, window: c.ReorderWindow, maxGaps: DefaultMaxGaps,
		sources: make(map[uint64]*source), streams: make(map[uint64]*stream), collided: make(map[string]any),
		seed: maphash.MakeSeed()}
	if t.seqs == nil {
		t.seqs = DefaultSequences
	}
	if t.window == 0 {
		t.window = DefaultReorderWindow
	}
	mem := c.Memory
	if mem <= 0 {
		mem = DefaultMemory
	}
	t.budget = mem
	if c.ReplayWindow >= 0 {
		n := c.ReplayWindow
		if n == 0 {
			n = DefaultReplayWindow
		}
		// The fingerprints may take half the budget.
		withTime := c.ReplayAge > 0
		for n > 16 && fingerprintBytes(n, withTime) > mem/2 {
			n /= 2
		}
		if c.ReplayWindow > 0 && n < c.ReplayWindow {
			t.windowCut = n
		}
		t.fp = newFingerprints(n, withTime)
		t.budget = mem - fingerprintBytes(n, withTime)
	}
	return t
}

// Observe tracks one record, at the record's own time: its syslog
// timestamp, else nothing (silences and the replay age then skip it).
func (t *Tracker) Observe(r *cefsyslog.Record) Verdict {
	var at time.Time
	if r.Syslog != nil {
		at = r.Syslog.Timestamp
	}
	return t.ObserveAt(r, at)
}

// ObserveAt tracks one record at the given time, such as the time it was
// received, and returns what the record was.
func (t *Tracker) ObserveAt(r *cefsyslog.Record, at time.Time) Verdict {
	t.clock++
	t.events++
	var ns int64
	if !at.IsZero() {
		ns = at.UnixNano()
		if t.start == 0 || ns < t.start {
			t.start = ns
		}
		t.end = max(t.end, ns)
	}
	t.name = appendSourceName(t.name[:0], r)
	src := t.source(t.name)
	src.events++
	if ns != 0 {
		src.seenAt(ns, &t.cfg)
	}

	var v Verdict
	seen := false
	if t.fp != nil {
		h := t.fingerprint(r)
		if i := t.fp.lookup(h); i >= 0 {
			if t.fp.at != nil && ns != 0 && t.fp.at[i] != 0 && time.Duration(ns-t.fp.at[i]) > t.cfg.ReplayAge {
				// Seen, but longer ago than the age: it counts from now.
				t.fp.at[i] = ns
			} else {
				seen = true
				v |= Replay
				src.replays++
			}
		} else if forgotAt := t.fp.add(h, ns); forgotAt != 0 && ns != 0 && time.Duration(ns-forgotAt) <= t.cfg.ReplayAge {
			t.forgot.Fingerprints++
		}
	}
	for i := range t.seqs {
		v |= t.observeSeq(i, r, src, seen)
	}
	return v
}

func (t *Tracker) observeSeq(i int, r *cefsyslog.Record, src *source, seen bool) Verdict {
	sq := &t.seqs[i]
	var val string
	var ok bool
	if sq.Extension != "" {
		if r.CEF == nil {
			return 0
		}
		val, ok = r.CEF.Get(sq.Extension)
	} else if r.Syslog != nil {
		for _, e := range r.Syslog.StructuredData {
			if e.ID == sq.SDID {
				val, ok = e.Value(sq.Param)
				break
			}
		}
	}
	if !ok {
		return 0
	}
	var source, label string
	if sq.By[0] != "" {
		if r.CEF == nil {
			return 0
		}
		source, _ = r.CEF.Get(sq.By[0])
		label, _ = r.CEF.Get(sq.By[1])
	} else {
		source = src.name
		if r.Syslog != nil {
			label = r.Syslog.AppName
		}
	}
	t.key = append(t.key[:0], byte(i), byte(i>>8))
	t.key = append(t.key, source...)
	t.key = append(t.key, 0)
	t.key = append(t.key, label...)
	kh := maphash.Bytes(t.seed, t.key)
	s := t.streams[kh]
	if s == nil || s.key != string(t.key) {
		if c, ok := t.collided[string(t.key)].(*stream); ok {
			s = c
		} else {
			s = t.newStream(i, source, label, kh)
		}
	}
	s.lastUse = t.clock
	n, isNum := parseNumber(val)
	if !isNum {
		s.invalid++
		return 0
	}
	return s.observe(n, seen, t.window, t.maxGaps)
}

// fingerprint hashes what identifies an event whatever relay carried it:
// the application, its IDs, its structured data (without the elements
// relays add or rewrite) and its message, but not the header's timestamp
// or host.
func (t *Tracker) fingerprint(r *cefsyslog.Record) uint64 {
	s := r.Syslog
	if s == nil {
		return nonZero(maphash.String(t.seed, r.Raw))
	}
	// The message is most of the bytes: hash it in one call, and mix in
	// the short fields, which rarely tell events apart.
	h := maphash.String(t.seed, s.Message)
	mix := func(v string) {
		if v != "" {
			h = (h ^ maphash.String(t.seed, v)) * 0x9E3779B97F4A7C15
		}
	}
	if t.cfg.KeepHost {
		mix(s.Hostname)
	}
	mix(s.AppName)
	mix(s.ProcID)
	mix(s.MsgID)
	for _, e := range s.StructuredData {
		switch e.ID {
		case "meta", "timeQuality", "origin":
			continue
		}
		mix(e.ID)
		for _, p := range e.Params {
			mix(p.Name)
			mix(p.Value)
		}
	}
	return nonZero(h)
}

// nonZero keeps 0 free to mark an empty slot.
func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// appendSourceName appends who sent the record: its syslog HOSTNAME, else
// the CEF event's dvchost or dvc, else its vendor and product, else "-".
func appendSourceName(b []byte, r *cefsyslog.Record) []byte {
	if r.Syslog != nil && r.Syslog.Hostname != "" {
		return append(b, r.Syslog.Hostname...)
	}
	if r.CEF != nil {
		if v, ok := r.CEF.Get("dvchost"); ok && v != "" {
			return append(b, v...)
		}
		if v, ok := r.CEF.Get("dvc"); ok && v != "" {
			return append(b, v...)
		}
		if r.CEF.DeviceVendor != "" || r.CEF.DeviceProduct != "" {
			b = append(b, r.CEF.DeviceVendor...)
			b = append(b, '|')
			return append(b, r.CEF.DeviceProduct...)
		}
	}
	return append(b, '-')
}

// Sizes the budget counts for each source and stream, beyond their names.
const (
	sourceBytes = 256 + maxSilences*32
	streamBytes = 256 + DefaultMaxGaps*16 + maxRestarts*16
)

func (t *Tracker) source(name []byte) *source {
	// Records often come from the same relay one after another.
	if s := t.last; s != nil && s.name == string(name) {
		s.lastUse = t.clock
		return s
	}
	h := maphash.Bytes(t.seed, name)
	s := t.sources[h]
	if s == nil || s.name != string(name) {
		if c, ok := t.collided[string(name)].(*source); ok {
			s = c
		} else {
			s = t.newSource(name, h)
		}
	}
	s.lastUse = t.clock
	t.last = s
	return s
}

func (t *Tracker) newSource(name []byte, h uint64) *source {
	cost := sourceBytes + len(name)
	t.makeRoom(cost)
	s := &source{name: string(name), hash: h, silences: make([]Silence, 0, maxSilences)}
	if t.sources[h] == nil {
		t.sources[h] = s
	} else {
		s.collided = true
		t.collided[s.name] = s
	}
	t.used += cost
	return s
}

func (t *Tracker) newStream(i int, source, label string, h uint64) *stream {
	cost := streamBytes + 2*len(t.key)
	t.makeRoom(cost)
	s := &stream{key: string(t.key), hash: h, seq: i, max: t.seqs[i].Max,
		gaps: make([]Range, 0, t.maxGaps), restarts: make([]Restart, 0, maxRestarts)}
	s.source = s.key[2 : 2+len(source)]
	s.label = s.key[3+len(source):]
	if t.streams[h] == nil {
		t.streams[h] = s
	} else {
		s.collided = true
		t.collided[s.key] = s
	}
	t.used += cost
	return s
}

// makeRoom forgets the least recently used sources and streams until cost
// more bytes fit. It looks at a few entries each time, not all, so its
// cost does not grow with the number of sources (Redis evicts the same
// way); what it forgets is added to the report's Forgotten.
func (t *Tracker) makeRoom(cost int) {
	for t.used+cost > t.budget && (len(t.sources) > 0 || len(t.streams) > 0 || len(t.collided) > 0) {
		oldStream, okStream := oldest(t.streams)
		oldSrc, okSrc := oldest(t.sources)
		for _, c := range t.collided { // one of them, at random
			switch c := c.(type) {
			case *stream:
				if !okStream || c.lastUse < oldStream.lastUse {
					oldStream, okStream = c, true
				}
			case *source:
				if !okSrc || c.lastUse < oldSrc.lastUse {
					oldSrc, okSrc = c, true
				}
			}
			break
		}
		if okStream && (!okSrc || oldStream.lastUse <= oldSrc.lastUse) {
			t.forgetStream(oldStream)
		} else {
			t.forgetSource(oldSrc)
		}
	}
}

// oldest returns the least recently used of eight entries of m. Map
// iteration starts at a random place, so they are a random sample.
func oldest[V interface{ used() uint64 }](m map[uint64]V) (V, bool) {
	var old V
	n := 0
	for _, v := range m {
		if n == 0 || v.used() < old.used() {
			old = v
		}
		if n++; n == 8 {
			break
		}
	}
	return old, n > 0
}

func (t *Tracker) forgetStream(s *stream) {
	if s.collided {
		delete(t.collided, s.key)
	} else {
		delete(t.streams, s.hash)
	}
	t.used -= streamBytes + 2*len(s.key)
	t.forgot.Streams++
	t.forgot.Missing += s.missing
	t.forgot.Duplicates += s.duplicates
}

func (t *Tracker) forgetSource(s *source) {
	if t.last == s {
		t.last = nil
	}
	if s.collided {
		delete(t.collided, s.name)
	} else {
		delete(t.sources, s.hash)
	}
	t.used -= sourceBytes + len(s.name)
	t.forgot.Sources++
	t.forgot.Replays += s.replays
	t.forgot.Silences += int64(len(s.silences)) + s.silencesDropped
}

// MemoryUsed returns the bytes the tracker counts against its budget: the
// replay window and every source and stream it keeps.
func (t *Tracker) MemoryUsed() int {
	n := t.used
	if t.fp != nil {
		n += fingerprintBytes(len(t.fp.ring), t.fp.at != nil)
	}
	return n
}

func (t *Tracker) allSources() iter.Seq[*source] {
	return func(yield func(*source) bool) {
		for _, s := range t.sources {
			if !yield(s) {
				return
			}
		}
		for _, c := range t.collided {
			if s, ok := c.(*source); ok && !yield(s) {
				return
			}
		}
	}
}

func (t *Tracker) allStreams() iter.Seq[*stream] {
	return func(yield func(*stream) bool) {
		for _, s := range t.streams {
			if !yield(s) {
				return
			}
		}
		for _, c := range t.collided {
			if s, ok := c.(*stream); ok && !yield(s) {
				return
			}
		}
	}
}
