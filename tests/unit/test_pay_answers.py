"""Pay answers from the wage data (fixture: HR managers and lawyers in the U.S., California, Texas, San Jose)."""

from careers.answers import across_roles, pay
from careers.formatting import PLAIN
from careers.matching import PayLimit

TX, CA, SAN_JOSE = "4800000", "0600000", "0041940"


def test_pay_in_a_state_names_whose_figures_where_and_the_release(kb):
    text = pay.local_pay_answer(kb, "hr_executive", TX, None, PLAIN)
    first, *rest = text.splitlines()
    assert first == "HR executive, pay in Texas:"
    assert "Median pay: $136,500 a year" in text and "below the U.S. median ($149,280)" in text
    assert text.endswith("Figures for human resources managers, source: the Test Wage Survey, May 2025.")


def test_starting_pay_is_given_as_percentiles_of_all_workers(kb):
    text = pay.local_pay_answer(kb, "hr_executive", CA, "starting", PLAIN)
    assert "BLS does not publish starting salaries" in text and "percentiles of all workers" in text
    assert "under $96,430 a year ($46.36 an hour)" in text  # the hourly figure beside the annual one


def test_an_unpublished_median_is_said_unpublished_and_a_top_coded_wage_as_published(kb):
    texas = pay.local_pay_answer(kb, "labor_lawyer", TX, None, PLAIN)
    assert "Median pay: not published by BLS for this area" in texas
    san_jose = pay.local_pay_answer(kb, "labor_lawyer", SAN_JOSE, "top", PLAIN)
    assert "over $239,200 or more a year" in san_jose or "$239,200 or more" in san_jose


def test_no_figure_where_the_occupation_has_no_estimate(kb):
    text = pay.local_pay_answer(kb, "hr_generalist", TX, None, PLAIN)  # no occupation in the fixture
    assert text.startswith("BLS publishes no wage estimate for HR generalists in Texas") and "$" not in text


def test_places_ranked_and_compared(kb):
    text, listed = pay.rank_places_answer(kb, "hr_executive", "pay", metro=False, lowest=False, markup=PLAIN)
    assert listed == [CA, TX] and "the 2 states with the highest median annual pay" in text
    text, answered = pay.compare_places_answer(kb, "hr_executive", [TX, CA], PLAIN)
    assert answered == [TX, CA] and "The median is $33,580 higher in California" in text


def test_the_national_salary_line_leads_with_the_newest_release(kb):
    line = pay.national_pay_line(kb, "hr_executive", PLAIN)
    assert line.startswith("Median pay (May 2025): $149,280 a year ($71.77 an hour) for human resources managers")


def test_roles_ranked_and_filtered_by_their_pay_in_a_place(kb):
    text, listed = across_roles.ranking_answer(kb, "salary", False, PLAIN, place=CA)
    assert text.startswith("Best paid in California: the labor lawyer, with a median of $195,080 (May 2025).")
    assert "BLS publishes no median in California for: HR generalist, Recruiter." in text and listed == ["labor_lawyer"]
    over, _ = across_roles.roles_by_salary_answer(kb, PayLimit(above=True, amount=180000), PLAIN, place=CA)
    assert "over $180,000 in California" in over and "$195,080" in over and "$170,080" not in over
    growth, _ = across_roles.ranking_answer(kb, "growth", False, PLAIN, place=CA)
    assert growth.startswith("I only have national job projections, not for California.")


def test_roles_ranked_by_their_number_of_jobs(kb):
    text, listed = across_roles.ranking_answer(kb, "employment", False, PLAIN, place=CA)
    assert text.startswith("Most jobs in California: the labor lawyer, 95,770 (lawyers (all lawyers)).")
    assert "HR executive  27,450" in text and listed == ["labor_lawyer"]


def test_two_roles_in_a_place_say_which_earns_more(kb):
    text, answered = pay.compare_roles_in_place(kb, "hr_executive", "labor_lawyer", CA, PLAIN)
    assert "The labor lawyer's median is $25,000 a year higher than the HR executive's." in text


def test_two_roles_side_by_side_at_one_end_of_the_range(kb):
    starting, _ = pay.compare_roles_in_place(kb, "hr_executive", "labor_lawyer", CA, PLAIN, "starting")
    hr_executive = kb.wage_row("hr_executive", CA)
    assert "Lowest-paid 10% under" in starting and f"${int(hr_executive.annual_p10.value):,}" in starting
    assert f"${int(hr_executive.annual_p90.value):,}" not in starting  # the other end is not what was asked
    top, _ = pay.compare_roles_in_place(kb, "hr_executive", "labor_lawyer", CA, PLAIN, "top")
    assert "Best-paid 10% over" in top and f"${int(hr_executive.annual_p10.value):,}" not in top


def test_two_roles_side_by_side_by_jobs_say_which_has_more(kb):
    text, answered = pay.compare_roles_in_place(kb, "hr_executive", "labor_lawyer", CA, PLAIN, "employment")
    executive, lawyer = kb.wage_row("hr_executive", CA), kb.wage_row("labor_lawyer", CA)
    assert text.startswith("HR executive vs labor lawyer, jobs in California:")
    assert f"{int(executive.employment.value):,}" in text and f"{int(lawyer.employment.value):,}" in text
    more, fewer = (
        ("labor lawyer", "HR executive")
        if lawyer.employment.value > executive.employment.value
        else (
            "HR executive",
            "labor lawyer",
        )
    )
    assert f"There are more jobs for the {more} (" in text and f"than for the {fewer} (" in text
    assert "higher than" not in text  # the question was the jobs, not the pay


def test_two_roles_side_by_side_by_the_mean(kb):
    text, _ = pay.compare_roles_in_place(kb, "hr_executive", "labor_lawyer", CA, PLAIN, "mean")
    assert "Mean pay" in text and f"${int(kb.wage_row('hr_executive', CA).annual_mean.value):,}" in text


def test_a_ranking_lists_as_many_places_as_asked_and_says_when_it_lists_fewer(kb):
    everywhere, _ = pay.rank_places_answer(kb, "hr_executive", "pay", False, False, PLAIN)
    assert everywhere.startswith("HR executive: the 2 states")  # the fixture's two states
    one, listed = pay.rank_places_answer(kb, "hr_executive", "pay", False, False, PLAIN, count=1)
    assert one.startswith("HR executive: the state with the highest")
    assert len(listed) == 1
    many, listed = pay.rank_places_answer(kb, "hr_executive", "pay", False, False, PLAIN, count=100)
    assert f"(You asked for 100; I list at most {pay.MOST_RANKED_PLACES}.)" in many
    assert len(listed) <= pay.MOST_RANKED_PLACES


def test_one_role_in_two_places_per_hour(kb):
    text, answered = pay.compare_places_answer(kb, "hr_executive", (CA, TX), PLAIN, "hourly")
    california = kb.wage_row("hr_executive", CA)
    assert text.startswith("HR executive, pay per hour by place") and f"${california.hourly_median.value:,.2f}" in text
    assert f"${int(california.annual_median.value):,}" not in text  # per hour, as asked
    assert "an hour higher in" in text


def test_one_role_in_two_places_by_jobs_says_where_there_are_more(kb):
    text, _ = pay.compare_places_answer(kb, "hr_executive", (CA, TX), PLAIN, "employment")
    counts = {code: int(kb.wage_row("hr_executive", code).employment.value) for code in (CA, TX)}
    most = max(counts, key=counts.get)
    assert f"There are more jobs in {pay.area_name(kb, most)} ({counts[most]:,})" in text
