package org.gridledger.portfolio.proposal;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.ProposalCommands.SubmitProposalCommand;
import org.gridledger.domain.portfolio.ProposalKind;
import org.gridledger.portfolio.guard.Guards;

/** The named rules of a proposal that need no state: what each kind must and must not carry. */
final class ProposalPolicy {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;

    private ProposalPolicy() {
    }

    /**
     * Kind consistency: a new package or a variant names, describes and categorises the package to define; a change
     * or a variant refers to an existing package and says what should change; a new package refers to none.
     */
    static void requireConsistent(SubmitProposalCommand command) {
        if (command.communityId() == null || command.kind() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "communityId and kind are required");
        }
        requireSeats(command.expectedSeats());
        ProposalKind kind = command.kind();
        if (kind.definesPackage()) {
            requireText(command.name(), "name", MAX_NAME, kind);
            requireText(command.description(), "description", MAX_TEXT, kind);
            if (command.category() == null) {
                throw DomainException.of(ErrorCode.PROPOSAL_INVALID, "a %s proposal needs a category", kind);
            }
        } else if (command.name() != null || command.description() != null || command.category() != null) {
            throw DomainException.of(ErrorCode.PROPOSAL_INVALID,
                    "a %s proposal names no new package; say what should change instead", kind);
        }
        if (kind.refersToPackage()) {
            if (command.packageId() == null) {
                throw DomainException.of(ErrorCode.PROPOSAL_INVALID, "a %s proposal needs the packageId", kind);
            }
            requireText(command.change(), "change", MAX_TEXT, kind);
        } else if (command.packageId() != null || command.change() != null) {
            throw DomainException.of(ErrorCode.PROPOSAL_INVALID,
                    "a %s proposal refers to no existing package", kind);
        }
    }

    /** Expected demand is at least one seat, for the proposer and every endorser. */
    static void requireSeats(int expectedSeats) {
        if (expectedSeats < 1) {
            throw DomainException.of(ErrorCode.PROPOSAL_INVALID, "expected seats must be at least 1, not %d",
                    expectedSeats);
        }
    }

    /** A rejection says why, in 1 to 2000 characters. */
    static String requireReason(String reason) {
        return Guards.reason(reason);
    }

    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static void requireText(String text, String field, int max, ProposalKind kind) {
        if (text == null || text.isBlank()) {
            throw DomainException.of(ErrorCode.PROPOSAL_INVALID, "a %s proposal needs %s", kind, field);
        }
        if (text.strip().length() > max) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " has at most " + max + " characters");
        }
    }
}
