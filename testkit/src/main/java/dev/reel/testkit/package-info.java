/**
 * Test support shared by every module's tests and by the benchmarks: loopback HTTP servers with
 * fault knobs, test signals and WAV files, and the ALSA file capture. Never shipped.
 */
package dev.reel.testkit;
