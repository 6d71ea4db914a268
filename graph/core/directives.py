"""A cap on directives in one document (graphql-cop's "directive overloading": ``__typename @a@a@a...``).

Each directive costs validation work (and, for the ones we know, execution work) and each unknown one an error of
its own; no client of ours needs many. The cap counts the directives of the whole document once, so repeating
them on one field or spreading them over many costs the same.
"""

from __future__ import annotations

from graphql import DirectiveNode, GraphQLError, ValidationContext, ValidationRule, Visitor, visit


class _CountDirectives(Visitor):
    count = 0

    def enter_directive(self, node: DirectiveNode, *_: object) -> None:
        self.count += 1


def create_directive_rule(max_directives: int) -> type[ValidationRule]:
    """A validation rule reporting one error when the document holds more than ``max_directives`` directives."""

    class MaxDirectivesRule(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            counter = _CountDirectives()
            visit(context.document, counter)
            if counter.count > max_directives:
                context.report_error(
                    GraphQLError(f"{counter.count} directives found; at most {max_directives} are allowed")
                )

    return MaxDirectivesRule
