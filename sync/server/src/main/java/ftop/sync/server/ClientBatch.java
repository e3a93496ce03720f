package ftop.sync.server;

import ftop.sync.protocol.MutationBatch;
import ftop.sync.protocol.MutationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The desktop a push names ({@link MutationBatch#clientId()}), its mark and the number of each of its
 * mutations, checked: a batch that names its desktop numbers every mutation.
 */
record ClientBatch(String id, long ackedBelow, List<Long> seqs) {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{8,36}");

    /**
     * The batch's desktop, or null when it names none.
     *
     * @throws ApiException 400 naming the field when the id, the mark or a number is missing or malformed
     */
    static ClientBatch of(MutationBatch batch) {
        if (batch.clientId() == null) {
            if (batch.ackedBelow() != null || batch.mutations().stream().anyMatch(m -> m != null && m.clientSeq() != null)) {
                throw ApiException.badRequest("\"ackedBelow\" and \"clientSeq\" need the batch's \"clientId\"", "clientId");
            }
            return null;
        }
        if (!ID.matcher(batch.clientId()).matches()) {
            throw ApiException.badRequest("\"clientId\" must be 8 to 36 letters, digits or dashes (a UUID)", "clientId");
        }
        if (batch.ackedBelow() == null || batch.ackedBelow() < 0) {
            throw ApiException.badRequest("A batch with a \"clientId\" needs \"ackedBelow\", 0 or more", "ackedBelow");
        }
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < batch.mutations().size(); i++) {
            MutationRequest m = batch.mutations().get(i);
            Long seq = m == null ? null : m.clientSeq();
            if (m != null && (seq == null || seq < 0)) {
                throw ApiException.badRequest("mutations[" + i + "] needs a \"clientSeq\" of 0 or more, as the batch names "
                        + "its client", "mutations[" + i + "].clientSeq");
            }
            seqs.add(seq);
        }
        return new ClientBatch(batch.clientId(), batch.ackedBelow(), seqs);
    }
}
