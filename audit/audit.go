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
	cfg        Config
	seqs       []Sequence
	extKeys    []*extKeys // per sequence of CEF extensions: its number's key and By
	window     uint64
	maxGaps    int
	budget     int // for sources and streams
	used       int
	sources    table[source]
	streams    table[stream]
	last       *source // the source of the previous record
	fp         *fingerprints
	keys       keyHash      // for sources, streams and fingerprints
	textSeed   maphash.Seed // for a message's text, in fingerprints
	name       []byte
	clock      uint64 // counts observations, for least-recently-used
	events     int64
	start, end int64 // event times seen, Unix nanoseconds
	windowCut  int   // the replay window the budget allowed, when smaller
	forgot     Forgotten
}

// New returns a Tracker for c.
func New(c Config) *Tracker {
	t := &Tracker{cfg: c, seqs: c.Sequences, window: c.ReorderWindow, maxGaps: DefaultMaxGaps,
		sources: newTable[source](), streams: newTable[stream](), keys: newKeyHash(), textSeed: maphash.MakeSeed()}
	if t.seqs == nil {
		t.seqs = DefaultSequences
	}
	t.extKeys = make([]*extKeys, len(t.seqs))
	for i, sq := range t.seqs {
		switch {
		case sq.Extension == "":
		case sq.By[0] != "":
			t.extKeys[i] = newExtKeys(sq.Extension, sq.By[0], sq.By[1])
		default:
			t.extKeys[i] = newExtKeys(sq.Extension)
		}
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
		n = min(n, maxWindow)
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
	var src *source
	if s := t.last; s != nil && r.Syslog != nil && r.Syslog.Hostname != "" && s.name == r.Syslog.Hostname {
		// Records often come from the same relay one after another.
		s.lastUse = t.clock
		src = s
	} else {
		t.name = appendSourceName(t.name[:0], r)
		src = t.source(t.name)
	}
	src.events++
	if ns != 0 {
		src.seenAt(ns, &t.cfg)
	}

	var v Verdict
	seen := false
	if t.fp != nil {
		h := t.fingerprint(r)
		if i, free := t.fp.find(h); i >= 0 {
			if t.fp.at != nil && ns != 0 && t.fp.seen(i) != 0 && time.Duration(ns-t.fp.seen(i)) > t.cfg.ReplayAge {
				// Seen, but longer ago than the age: it counts from now.
				t.fp.touch(i, ns)
			} else {
				seen = true
				v |= Replay
				src.replays++
			}
		} else if forgotAt := t.fp.add(h, free, ns); forgotAt != 0 && ns != 0 && time.Duration(ns-forgotAt) <= t.cfg.ReplayAge {
			t.forgot.Fingerprints++
		}
	}
	for i := range t.seqs {
		// Skip, without a call, a sequence the record cannot carry.
		if t.seqs[i].Extension != "" {
			if r.CEF == nil {
				continue
			}
		} else if r.Syslog == nil || len(r.Syslog.StructuredData) == 0 {
			continue
		}
		v |= t.observeSeq(i, r, src, seen)
	}
	return v
}

func (t *Tracker) observeSeq(i int, r *cefsyslog.Record, src *source, seen bool) Verdict {
	sq := &t.seqs[i]
	var val, source, label string
	var ok bool
	if sq.Extension != "" {
		if r.CEF == nil {
			return 0
		}
		if len(r.CEF.Extensions) <= fewExtensions {
			if val, ok = r.CEF.Get(sq.Extension); !ok {
				return 0
			}
			if sq.By[0] != "" {
				source, _ = r.CEF.Get(sq.By[0])
				label, _ = r.CEF.Get(sq.By[1])
			}
		} else {
			var found uint8
			if val, source, label, found = t.extKeys[i].get(r.CEF); found&1 == 0 {
				return 0
			}
		}
	} else {
		if r.Syslog == nil {
			return 0
		}
		for _, e := range r.Syslog.StructuredData {
			if e.ID == sq.SDID {
				val, ok = e.Value(sq.Param)
				break
			}
		}
		if !ok {
			return 0
		}
	}
	if sq.By[0] == "" {
		source = src.name
		if r.Syslog != nil {
			label = r.Syslog.AppName
		}
	}
	kh := t.streamHash(i, source, label)
	s := t.streams.find(kh, func(s *stream) bool { return s.seq == i && s.source == source && s.label == label })
	if s == nil {
		s = t.newStream(i, source, label, kh)
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
		return maphash.Comparable(t.textSeed, r.Raw)
	}
	// The fields are chained with their lengths mixed in, so that moving
	// text from one field to the next changes the fingerprint; the
	// header's three short ones take one step for their lengths, and one
	// each only when they are not empty.
	h := maphash.Comparable(t.textSeed, s.Message)
	if t.cfg.KeepHost {
		h = hash(t.keys, h, s.Hostname)
	}
	h = mix(h^t.keys.k0, uint64(len(s.AppName))|uint64(len(s.ProcID))<<16|uint64(len(s.MsgID))<<32^t.keys.k1)
	for _, v := range [...]string{s.AppName, s.ProcID, s.MsgID} {
		if v != "" {
			h = hash(t.keys, h, v)
		}
	}
	for _, e := range s.StructuredData {
		switch e.ID {
		case "meta", "timeQuality", "origin":
			continue
		}
		h = hash(t.keys, h^uint64(len(e.Params)), e.ID)
		for _, p := range e.Params {
			h = hash(t.keys, hash(t.keys, h, p.Name), p.Value)
		}
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

// streamHash hashes what identifies a stream: the sequence, the source
// and the label.
func (t *Tracker) streamHash(i int, source, label string) uint64 {
	return hash(t.keys, hash(t.keys, uint64(i), source), label)
}

func (t *Tracker) source(name []byte) *source {
	// Records often come from the same relay one after another.
	if s := t.last; s != nil && s.name == string(name) {
		s.lastUse = t.clock
		return s
	}
	h := hash(t.keys, 0, name)
	s := t.sources.find(h, func(s *source) bool { return s.name == string(name) })
	if s == nil {
		s = t.newSource(name, h)
	}
	s.lastUse = t.clock
	t.last = s
	return s
}

func (t *Tracker) newSource(name []byte, h uint64) *source {
	cost := sourceBytes + len(name)
	t.makeRoom(cost)
	s := &source{name: string(name), hash: h, silences: make([]Silence, 0, maxSilences)}
	t.sources.add(h, s)
	t.used += cost
	return s
}

func (t *Tracker) newStream(i int, source, label string, h uint64) *stream {
	// One string holds the source and the label.
	key := source + "\x00" + label
	cost := streamBytes + 2*len(key)
	t.makeRoom(cost)
	s := &stream{hash: h, seq: i, max: t.seqs[i].Max, source: key[:len(source)], label: key[len(source)+1:],
		gaps: make([]Range, 0, t.maxGaps), restarts: make([]Restart, 0, maxRestarts)}
	t.streams.add(h, s)
	t.used += cost
	return s
}

// makeRoom forgets the least recently used sources and streams until cost
// more bytes fit. It looks at a few entries each time, not all, so its
// cost does not grow with the number of sources (Redis evicts the same
// way); what it forgets is added to the report's Forgotten.
func (t *Tracker) makeRoom(cost int) {
	for t.used+cost > t.budget && (t.sources.n > 0 || t.streams.n > 0) {
		oldStream := oldest(&t.streams)
		oldSrc := oldest(&t.sources)
		if oldStream != nil && (oldSrc == nil || oldStream.lastUse <= oldSrc.lastUse) {
			t.forgetStream(oldStream)
		} else {
			t.forgetSource(oldSrc)
		}
	}
}

// oldest returns the least recently used of eight entries of t, from a
// random place; nil when t is empty.
func oldest[V any, P interface {
	*V
	used() uint64
}](t *table[V]) *V {
	var old P
	for v := range t.sample(8) {
		if old == nil || P(v).used() < old.used() {
			old = v
		}
	}
	return old
}

func (t *Tracker) forgetStream(s *stream) {
	t.streams.remove(s.hash, s)
	t.used -= streamBytes + 2*(len(s.source)+1+len(s.label))
	t.forgot.Streams++
	t.forgot.Missing += s.missing
	t.forgot.Duplicates += s.duplicates
}

func (t *Tracker) forgetSource(s *source) {
	if t.last == s {
		t.last = nil
	}
	t.sources.remove(s.hash, s)
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
		n += fingerprintBytes(t.fp.window(), t.fp.at != nil)
	}
	return n
}

func (t *Tracker) allSources() iter.Seq[*source] { return t.sources.all }

func (t *Tracker) allStreams() iter.Seq[*stream] { return t.streams.all }
