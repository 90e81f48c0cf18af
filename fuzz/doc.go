// Package fuzz holds fuzz targets that cross package lines, beside each
// package's own: auto-detection agrees with the parser it picks, every
// encoder's output is read back the same through auto-detection, framing
// gives the same records whatever the split points of the stream, each
// scanner agrees with its owned API, and no input makes the library
// allocate out of proportion to its size.
//
// It has no API. Run every fuzz target of the module, these and the
// packages' own, with fuzz/run:
//
//	fuzz/run 60s
//
// Corpora live in testdata/fuzz; each finding is added there as a
// regression when it is fixed.
package fuzz
