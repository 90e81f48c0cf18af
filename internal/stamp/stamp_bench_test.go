package stamp

import "testing"

var sinkN int

func BenchmarkReadRFC3339(b *testing.B) {
	for _, in := range []string{"2024-07-26T10:00:00.123456-07:00", "2003-10-11T22:14:15.003Z", "2024-07-26T10:00:00Z"} {
		b.Run(in, func(b *testing.B) {
			buf := []byte(in + " host")
			var t Time
			for b.Loop() {
				n, _ := ReadRFC3339(&t, buf, 0)
				sinkN += n
			}
		})
	}
}

func BenchmarkReadBSD(b *testing.B) {
	buf := []byte("Oct 11 22:14:15 mymachine su[123]: x")
	var t Time
	for b.Loop() {
		n, _ := ReadBSD(&t, buf, WithZone)
		sinkN += n
	}
}
