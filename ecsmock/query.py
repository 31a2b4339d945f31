"""The cluster query language: the expressions of ListContainerInstances' `filter` and of
`memberOf` placement constraints, such as
`attribute:ecs.instance-type =~ t3.* and not(attribute:ecs.availability-zone in [us-east-1a])`.

`parse` turns an expression into a predicate over a lookup: a function from a subject
(`attribute:<name>`, `ec2InstanceId`, `agentConnected`, `agentVersion`, `registeredAt`,
`runningTasksCount`, `task:group`) to the candidate's value, a list of values, or None.
"""

from __future__ import annotations

import datetime
import fnmatch
import re
from collections.abc import Callable
from typing import NoReturn

from ecsmock.errors import AwsError, ErrorTable
from ecsmock.messages.container_instances import ContainerInstanceErrors

Lookup = Callable[[str], object]
Predicate = Callable[[Lookup], bool]

SUBJECTS = (
    "agentConnected",
    "agentVersion",
    "ec2InstanceId",
    "registeredAt",
    "runningTasksCount",
    "task:group",
)
_OPERATORS = {
    "==": "eq", "eq": "eq", "!=": "ne", "ne": "ne",
    ">": "gt", "gt": "gt", ">=": "ge", "ge": "ge", "<": "lt", "lt": "lt", "<=": "le", "le": "le",
    "=~": "matches", "matches": "matches", "!~": "not_matches", "not_matches": "not_matches",
    "in": "in", "not_in": "not_in", "exists": "exists", "!exists": "not_exists",
    "not_exists": "not_exists",
}  # fmt: skip
_TOKENS = re.compile(r"\s*(==|!=|>=|<=|=~|!~|&&|\|\||!exists|[()\[\],<>!]|[^\s()\[\],!=<>&|~]+)")
_AND, _OR, _NOT = ("and", "&&"), ("or", "||"), ("not", "!")
_PUNCTUATION = ("(", ")", "[", "]", ",")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def parse(expression: str, error: ErrorTable = ContainerInstanceErrors.FILTER) -> Predicate:
    """The predicate of an expression; `error` (with `expression` and `reason`) if it has none."""
    tokens = _tokenize(expression, error)
    parser = _Parser(expression, tokens, error)
    predicate = parser.disjunction()
    if parser.position != len(tokens):
        parser.fail(f"unexpected {tokens[parser.position]!r}")
    return predicate


def _tokenize(expression: str, error: ErrorTable) -> list[str]:
    tokens: list[str] = []
    position = 0
    while position < len(expression.rstrip()):
        match = _TOKENS.match(expression, position)
        if match is None:
            _fail(error, expression, f"unexpected {expression[position:].strip()[:1]!r}")
        tokens.append(match[1])
        position = match.end()
    return tokens


def _fail(error: ErrorTable, expression: str, reason: str) -> NoReturn:
    raise AwsError.of(error, expression=expression, reason=reason)


_DEEPEST = 50  # parentheses and negations in one another: deeper is refused, not recursed


class _Parser:
    def __init__(self, expression: str, tokens: list[str], error: ErrorTable) -> None:
        self.expression = expression
        self.error = error
        self.tokens = tokens
        self.position = 0
        self.depth = 0

    def fail(self, reason: str) -> NoReturn:
        _fail(self.error, self.expression, reason)

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            self.fail("it ends too early")
        self.position += 1
        return token

    def expect(self, token: str) -> None:
        if self.take() != token:
            self.fail(f"expected {token!r}")

    def disjunction(self) -> Predicate:
        parts = [self.conjunction()]
        while self.peek() in _OR:
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else (lambda get: any(part(get) for part in parts))

    def conjunction(self) -> Predicate:
        parts = [self.negation()]
        while self.peek() in _AND:
            self.take()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else (lambda get: all(part(get) for part in parts))

    def negation(self) -> Predicate:
        self.depth += 1
        if self.depth > _DEEPEST:
            self.fail(f"it nests more than {_DEEPEST} deep")
        try:
            return self._negation()
        finally:
            self.depth -= 1

    def _negation(self) -> Predicate:
        if self.peek() in _NOT:
            self.take()
            inner = self.negation()
            return lambda get: not inner(get)
        if self.peek() == "(":
            self.take()
            inner = self.disjunction()
            self.expect(")")
            return inner
        return self.condition()

    def condition(self) -> Predicate:
        subject = self.take()
        if subject not in SUBJECTS and not subject.startswith("attribute:"):
            self.fail(f"unknown subject {subject!r}")
        operator = _OPERATORS.get(self.take())
        if operator is None:
            self.fail("expected an operator")
        if operator in ("exists", "not_exists"):
            wanted = operator == "exists"
            return lambda get: bool(_values(get(subject))) == wanted
        if operator in ("in", "not_in"):
            listed = self.listing()
            inside = operator == "in"
            return lambda get: any(v in listed for v in _values(get(subject))) == inside
        argument = self.value()
        if operator in _ORDERS:
            bound = _number(argument)
            if bound is None:
                self.fail(f"{argument!r} is not a number or a date")
            return _ordered(subject, _ORDERS[str(operator)], bound)
        return _compare(subject, str(operator), argument)

    def value(self) -> str:
        token = self.take()
        if token in _PUNCTUATION:
            self.fail("expected a value")
        return token

    def listing(self) -> list[str]:
        self.expect("[")
        items = [self.value()]
        while self.peek() == ",":
            self.take()
            items.append(self.value())
        self.expect("]")
        return items


def _values(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return [str(value).lower()]
    return [str(value)]


def _compare(subject: str, operator: str, argument: str) -> Predicate:
    if operator in ("matches", "not_matches"):
        wanted = operator == "matches"
        return lambda get: (
            any(fnmatch.fnmatchcase(v, argument) for v in _values(get(subject))) == wanted
        )
    equal = operator == "eq"
    return lambda get: (argument in _values(get(subject))) == equal


_ORDERS: dict[str, Callable[[float, float], bool]] = {
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
}


def _ordered(subject: str, order: Callable[[float, float], bool], bound: float) -> Predicate:
    def check(get: Lookup) -> bool:
        numbers = [_number(value) for value in _values(get(subject))]
        return any(number is not None and order(number, bound) for number in numbers)

    return check


def _number(text: str) -> float | None:
    """A number, or a date (`registeredAt > 2024-01-01`) as seconds since the epoch."""
    if _NUMBER.fullmatch(text):
        return float(text)
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.timestamp()
