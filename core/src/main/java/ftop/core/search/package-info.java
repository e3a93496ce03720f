/**
 * What one search over the workspace finds ({@link ftop.core.search.SearchResults}) and how text is
 * cut into words for it ({@link ftop.core.search.SearchText}). The index itself lives in the local
 * store ({@code ftop.core.store.SearchIndex}) and is read through
 * {@link ftop.core.store.WorkspaceReads#search}.
 */
package ftop.core.search;
