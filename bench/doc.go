// Package bench measures the cefsyslog parsers against the best Go peers on
// the same bytes, in one run, and checks that where both accept an input
// they read the same fields (DIFFERENCES.md lists where they do not, and
// who is right).
//
// It is a module of its own, so that the library's go.mod never gains the
// peers' dependencies. Run it with bench/run, or:
//
//	cd bench && go test -run '^$' -bench . -benchmem -count 10
//
// Peers: github.com/leodido/go-syslog/v4 v4.5.0 (RFC 5424, RFC 3164 and
// auto-detecting machines) and the CEF decoder of github.com/elastic/beats/v7
// v7.17.0 (x-pack/filebeat/processors/decode_cef/cef). Floor loops in the
// same binary show how far from the machine's limit each parser is.
package bench
