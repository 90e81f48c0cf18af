package cef

import "github.com/cefsyslog/cefsyslog/internal/jsonw"

// MarshalJSON returns e as the "cef" object of the project's output
// contract (docs/output.md): version (the major version), the six header
// fields after it under the names device_vendor, device_product,
// device_version, signature_id, name and severity, and extensions as an
// object of key to value. Header fields not read (an incomplete header) are
// left out; an empty value is "". A repeated key appears once, where it
// first appeared, with its last value.
func (e *Event) MarshalJSON() ([]byte, error) {
	return e.AppendJSON(nil), nil
}

// AppendJSON appends e's contract JSON to dst; see [Event.MarshalJSON].
func (e *Event) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	if e.Fields > 0 {
		dst = jsonw.Int(dst, "version", e.Version)
	}
	for f, v := range [...]string{e.DeviceVendor, e.DeviceProduct, e.DeviceVersion, e.SignatureID, e.Name, e.Severity} {
		if f+1 < e.Fields {
			dst = jsonw.Str(dst, jsonNames[f], v)
		}
	}
	dst = append(jsonw.Key(dst, "extensions"), '{')
	for i, x := range e.Extensions {
		if e.seenBefore(i) {
			continue
		}
		v, _ := e.Get(x.Key)
		dst = jsonw.Str(dst, x.Key, v)
	}
	return append(dst, '}', '}')
}

var jsonNames = [...]string{"device_vendor", "device_product", "device_version", "signature_id", "name", "severity"}

// seenBefore reports whether the key of pair i appeared in an earlier pair.
func (e *Event) seenBefore(i int) bool {
	k := e.Extensions[i].Key
	for _, x := range e.Extensions[:i] {
		if x.Key == k {
			return true
		}
	}
	return false
}
