// Command cefsyslog parses syslog and CEF messages into JSON records.
//
// Usage:
//
//	cefsyslog parse [flags] [FILE...]   messages in, one JSON record per line out
//	cefsyslog listen [flags]            receive over UDP, TCP and TLS, records out
//	cefsyslog audit [flags] [FILE...]   report lost, duplicated and replayed messages
//	cefsyslog version                   print the version
//
// Run "cefsyslog parse -h", "listen -h" or "audit -h" for the flags. The output format is described
// in docs/output.md.
package main

import (
	"os"
	_ "time/tzdata" // --location works on machines without a zoneinfo database
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
