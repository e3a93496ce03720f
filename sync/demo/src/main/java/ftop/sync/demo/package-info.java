/**
 * The demo launcher: {@link ftop.sync.demo.EmbeddedDemo} runs the central server inside the
 * desktop, on a loopback port, for the demo workspace, so the demo goes through the same sync path
 * as a real deployment. This is the only part of the desktop that starts server code.
 */
package ftop.sync.demo;
