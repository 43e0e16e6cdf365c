async def test_ask_answers_with_citation(world):
    result = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    print(result, result.response, result.followups)
    embed = result.response.embeds[0]
    assert "Cho Yi-hyun" in embed.description
    assert embed.fields and "Netflix Tudum" in embed.fields[0].value
