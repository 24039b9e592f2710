//go:build race

package main

// raceDetector is true under -race: the exhaustive early-answer check
// runs without it (it has no goroutines of the widget to watch).
const raceDetector = true
