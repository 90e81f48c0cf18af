// Package ipaddr reads IP addresses from bytes or strings without
// allocating. netip.ParseAddr takes a string that escapes, so converting a
// []byte view for it costs an allocation on every call; these readers build
// a netip.Addr's bytes instead.
package ipaddr

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// ParseIPv4 reads four decimal octets 0–255 without leading zeros.
func ParseIPv4[T string | []byte](v T) ([4]byte, bool) {
	var a [4]byte
	k, val, digits := 0, 0, 0
	for i := range len(v) {
		c := v[i]
		switch {
		case isDigit(c):
			if digits > 0 && val == 0 {
				return a, false // leading zero
			}
			val = val*10 + int(c-'0')
			digits++
			if val > 255 {
				return a, false
			}
		case c == '.':
			if digits == 0 || k == 3 {
				return a, false
			}
			a[k] = byte(val)
			k, val, digits = k+1, 0, 0
		default:
			return a, false
		}
	}
	if k != 3 || digits == 0 {
		return a, false
	}
	a[3] = byte(val)
	return a, true
}

// ParseIPv6 reads an IPv6 address: up to eight groups of one to four hex
// digits, one "::" standing for one or more zero groups, and optionally a
// dotted IPv4 address in place of the last two groups.
func ParseIPv6[T string | []byte](v T) ([16]byte, bool) {
	var a [16]byte
	ellipsis := -1 // index in a where "::" stands
	i, n := 0, 0   // position in v, bytes of a written
	if len(v) >= 2 && v[0] == ':' && v[1] == ':' {
		ellipsis = 0
		i = 2
		if i == len(v) {
			return a, true
		}
	}
	for i < len(v) {
		if n == 16 {
			return a, false
		}
		// One group, or a dotted IPv4 tail.
		start, val := i, 0
		for i < len(v) && i-start < 4 {
			d, ok := HexVal(v[i])
			if !ok {
				break
			}
			val = val<<4 | d
			i++
		}
		if i < len(v) && v[i] == '.' {
			if ellipsis < 0 && n != 12 || n > 12 {
				return a, false
			}
			a4, ok := ParseIPv4(v[start:])
			if !ok {
				return a, false
			}
			copy(a[n:], a4[:])
			n += 4
			break // the IPv4 part ends the address
		}
		if i == start {
			return a, false
		}
		a[n], a[n+1] = byte(val>>8), byte(val)
		n += 2
		if i == len(v) {
			break
		}
		if v[i] != ':' || i+1 == len(v) {
			return a, false
		}
		i++
		if v[i] == ':' {
			if ellipsis >= 0 {
				return a, false
			}
			ellipsis = n
			i++
			if i == len(v) {
				break
			}
		}
	}
	if n < 16 {
		if ellipsis < 0 {
			return a, false
		}
		shift := 16 - n
		copy(a[ellipsis+shift:], a[ellipsis:n])
		clear(a[ellipsis : ellipsis+shift])
	} else if ellipsis >= 0 {
		return a, false // "::" must stand for at least one group
	}
	return a, true
}

// HexVal returns the value of a hex digit.
func HexVal(c byte) (int, bool) {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0'), true
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10, true
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}
