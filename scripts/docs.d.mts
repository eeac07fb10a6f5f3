export function tables(): { inputs: string; outputs: string }
export function render(readme: string): string
export function expectedReadme(readme: string): Promise<string>
