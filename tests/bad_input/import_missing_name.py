from asyncio import sleeep
