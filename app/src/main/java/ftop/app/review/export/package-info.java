/**
 * The meeting pack as a document to hand out: PDF, HTML and Markdown exporters of a
 * {@link ftop.core.review.MeetingPack}. They live with the desktop, the only part that exports, so
 * the server never ships document code.
 */
package ftop.app.review.export;
