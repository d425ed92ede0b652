"""A hard-wrapped lead's first line, or a wire dateline, is not taken as the title."""

from sitreps.clean.headline import split_title

WIRE = (
    "Portoviejo, 3 Feb 91 (Radio Litoral) -- [Report] Army sources said\n"
    "that two bombs exploded early this morning outside a bank in the\n"
    "city centre, wounding three guards.\n"
)
WRAPPED = (
    "Two bombs exploded early this morning outside a bank in the city\n"
    "centre of the provincial capital, wounding three guards and a driver\n"
    "who was waiting nearby, police said.\n"
)
HEADLINED = (
    "Bombs hit bank in city centre\nTwo bombs exploded early this morning outside a bank.\n\nPolice said more.\n"
)


def test_wire_dateline_line_stays_in_the_body():
    split = split_title(WIRE)
    assert split.title is None
    assert split.text.startswith("Portoviejo, 3 Feb 91 (Radio Litoral) --")


def test_hard_wrapped_first_line_stays_in_the_body():
    split = split_title(WRAPPED)
    assert split.title is None
    assert split.text.startswith("Two bombs exploded")


def test_short_headline_above_the_body_is_still_the_title():
    assert split_title(HEADLINED).title == "Bombs hit bank in city centre"
