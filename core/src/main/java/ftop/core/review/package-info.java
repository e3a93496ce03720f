/**
 * Preparing a Regional Customer Health Review meeting: which customers need looking at, what to say
 * about each, and the document the meeting works from.
 *
 * <ol>
 *   <li>A {@link ftop.core.review.ReviewSource} gives the data: {@link ftop.core.review.DatasetReviewSource}
 *       over a data set, {@link ftop.core.review.StoreReviewSource} over the local store (offline, with
 *       the user's unsynced edits).</li>
 *   <li>{@link ftop.core.review.ReviewQueue} lists the customers whose review is due or overdue by the
 *       cadence, or whose Enterprise Status is stale, most urgent first, each with its reasons in words.</li>
 *   <li>{@link ftop.core.review.CustomerBriefs} writes a {@link ftop.core.review.CustomerBrief} per
 *       customer, opening with the {@link ftop.core.review.BriefSentence} the meeting asks for; the
 *       presenter edits its sections.</li>
 *   <li>A {@link ftop.core.review.MeetingPack} gathers the briefs with an overview table; it is kept
 *       between sessions by {@link ftop.core.review.MeetingPackFile}. The desktop exports it to PDF,
 *       HTML and Markdown ({@code ftop.app.review.export}); nothing here draws a document.</li>
 * </ol>
 *
 * <p>Nothing here invents data: what is missing is said in the text and listed in
 * {@link ftop.core.review.CustomerBrief#missing()}.
 */
package ftop.core.review;
