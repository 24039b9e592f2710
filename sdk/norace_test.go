//go:build !race

package sdk_test

// raceDetector is true under -race.
const raceDetector = false
