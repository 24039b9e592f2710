//go:build !race

package main

// raceDetector is true under -race.
const raceDetector = false
