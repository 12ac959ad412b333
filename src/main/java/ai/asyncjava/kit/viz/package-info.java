/**
 * Charts of what the learner's code did: request timelines, requests in flight, arrivals
 * against a quota. Every chart is an XChart chart turned into an image, because an image as
 * a cell's last expression is shown inline by every Java kernel the course supports.
 */
package ai.asyncjava.kit.viz;
