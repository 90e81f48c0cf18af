// Package audit finds lost, duplicated, replayed and late messages in a
// stream of parsed records, and sources that went quiet, with memory
// bounded by a budget the caller sets.
//
// Security teams find out too late that logs are missing or doubled: a
// collector whose buffer overwrote its oldest events, an agent whose
// recovery sent a block twice. The data to see it is often in the
// messages. A [Tracker] watches records as they arrive and reads:
//
//   - sequence numbers: Azure Stack Hub's MasEventRecordID, counted per
//     computer (MasComputer) and Windows channel (MasChannel); RFC 5424's
//     [meta sequenceId], counted per host and APP-NAME, which wraps after
//     2147483647; or any CEF extension or SD-PARAM named in a [Sequence].
//     Numbers that skip are gaps, reported as exact ranges ("host A /
//     Security: missing 10452–10467 (16)"); numbers seen again are
//     duplicates; numbers below ones already seen fill gaps and count as
//     late; a number far below the highest, with content not seen before,
//     is a restart.
//   - replays: the same event seen again within a window of recent events
//     (by count, and by time with Config.ReplayAge), recognised by a
//     fingerprint of its content that leaves out the syslog timestamp and
//     host, which relays rewrite. Events must differ in content for this
//     to mean anything: CEF events with rt or externalId, Windows events
//     with their record numbers do; "session closed for user root" every
//     minute does not, and would count as replays.
//   - silences: a source that sent nothing for longer than Config.Silence,
//     or for Config.SilenceFactor times its usual interval.
//
// [Tracker.Report] returns a [Report] with exact counts and ranges per
// source, which marshals to JSON and prints as a table
// ([Report.WriteText]). The command "cefsyslog audit" runs a Tracker over
// files; "cefsyslog parse --dedupe" and "listen --dedupe" use one to drop
// replays, and count what they drop.
//
// # Memory
//
// What a Tracker keeps is bounded by Config.Memory (64 MiB by default): the
// replay window takes at most half, and each source and numbered stream a
// few hundred bytes (at most 32 missing ranges each; more are counted, not
// listed). When a new source does not fit, the tracker forgets the ones it
// has not heard from the longest, and the report's Forgotten says what was
// lost with them, so that a report never looks cleaner than what was seen.
//
// # Cost
//
// Once its sources are known, observing a record allocates nothing.
// BenchmarkObserve, with events from 1,000 sources on a 2-vCPU EPYC,
// measures with the zero Config (sequences, sources and replays) about
// 95 ns per event for a compact Windows event (six extensions, 300 bytes)
// and 125 ns for Azure Stack Hub's full Windows event (22 extensions, 825
// bytes), 9 ns of each the benchmark rewriting its records; without
// replay detection, 55 and 75 ns. The difference is reading the event:
// finding three keys among 22 extensions, and hashing 825 bytes. Replay
// detection costs that hash and two table probes: fingerprints are
// forgotten by generation, not one by one, so that forgetting costs
// nothing per event. A million events from a thousand sources take under
// 3 MB.
package audit
