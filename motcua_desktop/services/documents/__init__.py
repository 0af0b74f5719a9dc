"""Printed documents: the forms of Thông tư 03/2025 (01–07) as PDF, laid out per Nghị định 30/2020."""

from .apology import render_apology
from .context import DocumentContext, Person
from .control_slip import render_control_slip
from .facts import DossierFacts
from .ledger import render_ledger
from .receipt import render_receipt
from .refusal import render_refusal
from .stop import render_stop
from .supplement import render_supplement
from .templates import KINDS, TemplateSet, load_template_set

__all__ = [
    "KINDS",
    "DocumentContext",
    "DossierFacts",
    "Person",
    "TemplateSet",
    "load_template_set",
    "render_apology",
    "render_control_slip",
    "render_ledger",
    "render_receipt",
    "render_refusal",
    "render_stop",
    "render_supplement",
]
