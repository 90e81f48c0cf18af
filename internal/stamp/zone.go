package stamp

import (
	"sync/atomic"
	"time"
)

// maxOffsetMinutes bounds the offsets ±hh:mm can write: hh is 00–23.
const maxOffsetMinutes = 24*60 - 1

// zones caches one fixed zone per minute offset. time.FixedZone caches only
// whole hours from -12 to +14, so without this a stamp at +05:30 or +05:45
// would allocate a Location on every message.
var zones [2*maxOffsetMinutes + 1]atomic.Pointer[time.Location]

// Zone returns a fixed, unnamed zone offset seconds east of UTC, and
// time.UTC for zero. After the first call for an offset it does not
// allocate. Offsets that are not whole minutes or lie outside ±23:59 are
// not cached.
func Zone(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	m := offset / 60
	if m*60 != offset || m < -maxOffsetMinutes || m > maxOffsetMinutes {
		return time.FixedZone("", offset)
	}
	p := &zones[m+maxOffsetMinutes]
	if l := p.Load(); l != nil {
		return l
	}
	p.CompareAndSwap(nil, time.FixedZone("", offset))
	return p.Load()
}
