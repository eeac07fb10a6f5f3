export const SECTIONS: readonly string[]
export function tables(): { inputs: string; outputs: string }
export function section(readme: string, name: string): string
export function render(readme: string): string
export function expectedReadme(readme: string): Promise<string>
